import '../../lib/i18n/all';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { OptionsState } from '../../components/options/state';

const root = document.getElementById('app');
if (!root) throw new Error('options: #app is missing from index.html');
render(<OptionsPage state={new OptionsState()} iconUrl={browser.runtime.getURL('/icon/96.png')} />, root);
