import '../../lib/i18n/all';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { App } from './App';
import type { PopupSource } from './source';
import { storeSource } from './store-source';

/**
 * The store, except in the e2e build with `?demo=…`, which renders generated sandbox data
 * so the popup can be looked at without the job runner (demo-source.ts). Vite replaces
 * `import.meta.env.MODE`, so production builds drop the branch and never ship the demo.
 */
async function chooseSource(): Promise<PopupSource> {
  if (import.meta.env.MODE === 'e2e') {
    const params = new URLSearchParams(location.search);
    if (params.has('demo')) {
      const { demoSource } = await import('./demo-source');
      return demoSource(params);
    }
  }
  return storeSource();
}

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
document.title = t('popup_appName');
const iconUrl = (size: 48 | 96): string => browser.runtime.getURL(`/icon/${size}.png`);
// getURL's types list only the paths WXT saw when it generated them; the quality page is built alongside.
const qualityUrl = (browser.runtime.getURL as (path: string) => string)('/quality.html');
void chooseSource().then((source) => render(<App source={source} iconUrl={iconUrl} qualityUrl={qualityUrl} />, root));
