import '../../lib/i18n/all';
import { render } from 'preact';
import { AccountApp } from './AccountApp';
import { App } from './App';
import { backgroundSource } from './background-source';
import { DetailView } from './DetailView';
import { parseDetailParams } from './params';

const root = document.getElementById('app');
if (!root) throw new Error('detail: #app is missing from index.html');

const target = parseDetailParams(location.search);
switch (target.kind) {
  case 'record':
    render(<App source={backgroundSource()} connectionId={target.connectionId} opportunityId={target.opportunityId} />, root);
    break;
  case 'account':
    render(<AccountApp source={backgroundSource()} connectionId={target.connectionId} accountId={target.accountId} />, root);
    break;
  case 'invalid':
    render(<DetailView status={{ kind: 'invalid' }} />, root);
    break;
  case 'gallery':
    // The gallery computes sample data with the engine: loaded only behind this flag, so
    // the normal path never downloads the engine.
    void import('./gallery/Gallery').then(({ mountGallery }) => mountGallery(root, target));
    break;
}
