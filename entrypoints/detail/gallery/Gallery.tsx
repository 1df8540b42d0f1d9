/**
 * `detail.html?gallery=1`: every panel state on sample data from the real engine, for
 * looking at the panels (screenshots at 320 and 480 px, light and dark). Parameters:
 * `state` (one variant; all when absent), `theme` (light | dark | auto), `width` (px of the
 * panels' box), `locale` (default en-US), `frame=page` (the whole detail page around them),
 * `shadow=1` (each variant in a shadow root under a `dealsight-gallery` element, with the
 * page's CSS text injected as the overlays will: the components must look the same there).
 */
import { render } from 'preact';
import { DealPanels } from '../../../components/panels';
import { ThemeRoot } from '../../../components/ui/ThemeRoot';
import type { PanelData } from '../../../lib/panel-data';
import { DetailView } from '../DetailView';
import type { DetailTarget } from '../params';
import type { DetailStatus } from '../useDealPanel';
import { samplePanels, stateVariants } from './sample';

type GalleryTarget = Extract<DetailTarget, { kind: 'gallery' }>;

/** "Now" for the gallery: two days after the sandbox's as-of day, so the pictures never change. */
const GALLERY_NOW = Date.parse('2026-10-02T15:00:00Z');

function variants(): Record<string, PanelData> {
  const samples = samplePanels();
  return { ready: samples.slipping, 'on-track': samples.onTrack, unlikely: samples.unlikely, ...stateVariants(samples.slipping) };
}

function pageStatus(name: string, panel: PanelData | undefined): DetailStatus | { kind: 'invalid' } {
  if (name === 'page-loading') return { kind: 'loading' };
  if (name === 'page-error') return { kind: 'error', message: 'Dealsight\'s background did not answer "get-panel"' };
  if (name === 'page-invalid' || !panel) return { kind: 'invalid' };
  return { kind: 'ready', panel, refreshing: false };
}

function Cell({ name, panel, target }: { name: string; panel: PanelData | undefined; target: GalleryTarget }) {
  const noop = (): void => undefined;
  if (target.frame === 'page') {
    return (
      <div style={target.width ? { width: `${target.width}px` } : undefined} data-gallery={name}>
        <DetailView
          status={pageStatus(name, panel)}
          theme={target.theme}
          locale={target.locale}
          now={GALLERY_NOW}
          onBack={noop}
          onRetry={noop}
          onOpenOptions={noop}
          onRetrain={noop}
        />
      </div>
    );
  }
  if (!panel) return <p>Unknown state {name}</p>;
  return (
    <ThemeRoot theme={target.theme} class="bg-slate-50 p-3 dark:bg-slate-950" data-gallery={name}>
      <div style={target.width ? { width: `${target.width}px` } : undefined}>
        <DealPanels panel={panel} theme={target.theme} locale={target.locale} now={GALLERY_NOW} onRetry={noop} onOpenOptions={noop} onRetrain={noop} />
      </div>
    </ThemeRoot>
  );
}

/**
 * Renders a cell inside a shadow root, with the page's stylesheets copied in as text (as
 * WXT's `createShadowRootUi` does; the `@property` rules stay in the document, as its
 * `cssInjectionMode: 'ui'` arranges).
 */
function ShadowCell(props: { name: string; panel: PanelData | undefined; target: GalleryTarget; css: string }) {
  const attach = (host: HTMLElement | null): void => {
    if (!host || host.shadowRoot) return;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = props.css;
    const mountPoint = document.createElement('div');
    shadow.append(style, mountPoint);
    render(<Cell name={props.name} panel={props.panel} target={props.target} />, mountPoint);
  };
  const Host = 'dealsight-gallery' as 'div';
  return <Host ref={attach} />;
}

async function pageCss(): Promise<string> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  const texts = await Promise.all(links.map((link) => fetch(link.href).then((response) => response.text())));
  return texts.join('\n');
}

export function mountGallery(root: HTMLElement, target: GalleryTarget): void {
  document.documentElement.dataset.dsTheme = target.theme;
  document.title = 'Dealsight panel gallery';
  // Computing takes a moment: let the page paint first.
  setTimeout(() => {
    void (target.shadow ? pageCss() : Promise.resolve('')).then((css) => {
      const all = variants();
      const names = target.state ? [target.state] : [...Object.keys(all), 'page-loading', 'page-error', 'page-invalid'];
      render(
        <div class="flex flex-col gap-6" data-gallery-ready="">
          {names.map((name) => (
            <section key={name} aria-label={name}>
              {target.state ? null : <p class="px-3 pt-3 font-mono text-xs text-slate-500">{name}</p>}
              {target.shadow ? (
                <ShadowCell name={name} panel={all[name] ?? all.ready} target={target} css={css} />
              ) : (
                <Cell name={name} panel={all[name] ?? all.ready} target={target} />
              )}
            </section>
          ))}
        </div>,
        root,
      );
    });
  }, 0);
}
