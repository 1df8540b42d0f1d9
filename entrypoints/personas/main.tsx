import '../../lib/i18n/all';
import { render } from 'preact';
import { App } from './App';
import { parsePersonasParams } from './params';
import { storeSource } from './store-source';

const root = document.getElementById('app');
if (!root) throw new Error('personas: #app is missing from index.html');

const replaceSearch = (search: string): void => {
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
};

render(<App source={storeSource()} initial={parsePersonasParams(location.search)} onStateChange={replaceSearch} />, root);
