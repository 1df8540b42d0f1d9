import '../../lib/i18n/all';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { storeSource } from './store-source';
import { tabFromHash } from './tab';

const root = document.getElementById('app');
if (!root) throw new Error('quality: #app is missing from index.html');
render(<App source={storeSource()} initialTab={tabFromHash(location.hash)} iconUrl={browser.runtime.getURL('/icon/48.png')} />, root);
