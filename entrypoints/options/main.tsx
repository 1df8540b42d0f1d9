import '../../lib/i18n/all';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { App } from './App';
import { storeSource } from './store-source';

const root = document.getElementById('app');
if (!root) throw new Error('options: #app is missing from index.html');
document.title = t('options_pageTitle');
render(<App source={storeSource()} iconUrl={browser.runtime.getURL('/icon/96.png')} />, root);
