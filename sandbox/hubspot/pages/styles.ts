/**
 * The pages' stylesheet: enough of HubSpot's look (its Canvas colours, the three-column
 * record layout, the board's stage columns) that a screenshot reads as HubSpot. The
 * palette is a set of custom properties on `:root`; dark mode is `DARK_STYLE`, the same
 * properties redefined inline on <html> (layout.ts): the colours change, no marker says
 * "dark", so an overlay can only tell from the page's computed colours. The page
 * backgrounds are written `rgb()`, as Chromium computes every colour: happy-dom passes a
 * colour through as written, so the unit tests read what Chromium does.
 */
const DARK_PALETTE: Record<string, string> = {
  'color-scheme': 'dark',
  '--hs-surface': '#253342',
  '--hs-background': 'rgb(28, 40, 53)',
  '--hs-text': '#eaf0f6',
  '--hs-text-secondary': '#b0c1d4',
  '--hs-border': '#425b76',
  '--hs-accent': '#7fd1de',
  '--hs-nav': '#111b26',
  '--hs-nav-text': '#eaf0f6',
  '--hs-won': '#51d3c3',
  '--hs-lost': '#ff8f8f',
};

/** The inline style of <html> in dark mode. */
export const DARK_STYLE = Object.entries(DARK_PALETTE)
  .map(([name, value]) => `${name}: ${value}`)
  .join('; ');

export const PAGE_CSS = `
:root {
  color-scheme: light;
  --hs-surface: #ffffff;
  --hs-background: rgb(245, 248, 250);
  --hs-text: #33475b;
  --hs-text-secondary: #516f90;
  --hs-border: #cbd6e2;
  --hs-accent: #0091ae;
  --hs-nav: #2d3e50;
  --hs-nav-text: #ffffff;
  --hs-won: #00bda5;
  --hs-lost: #f2545b;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Lexend Deca", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; background: var(--hs-background); color: var(--hs-text); }
a { color: var(--hs-accent); text-decoration: none; }
a:hover { text-decoration: underline; }
#hs-nav-v4 { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 20px; height: 52px; padding: 0 16px; background: var(--hs-nav); color: var(--hs-nav-text); }
#hs-nav-v4 a { color: var(--hs-nav-text); }
.nav-logo { font-weight: 700; white-space: nowrap; }
.nav-item { padding: 14px 4px; border-bottom: 3px solid transparent; }
.nav-item.active { border-bottom-color: var(--hs-accent); font-weight: 600; }
.nav-right { margin-left: auto; display: flex; gap: 12px; align-items: center; }
.navAccount-portalId { opacity: 0.8; font-size: 12px; }
button, .button { height: 32px; padding: 0 14px; border: 1px solid var(--hs-border); background: var(--hs-surface); color: var(--hs-text); border-radius: 3px; cursor: pointer; font: inherit; }
#sandbox-stage { padding: 16px; min-height: calc(100vh - 52px); }
.private-loading-spinner { display: flex; justify-content: center; padding: 64px; }
.private-loading-spinner__spin { width: 32px; height: 32px; border-radius: 50%; border: 3px solid var(--hs-border); border-top-color: var(--hs-accent); animation: sandbox-spin 0.8s linear infinite; }
@keyframes sandbox-spin { to { transform: rotate(360deg); } }
.sandbox-card { background: var(--hs-surface); border: 1px solid var(--hs-border); border-radius: 4px; padding: 16px; margin-bottom: 16px; }
.sandbox-card h2 { font-size: 16px; margin: 0 0 12px; }
.sandbox-card .sandbox-card { border: 0; padding: 0; margin: 0; }
[data-test-id^="card-wrapper-"] > div > header h2 { font-size: 16px; margin: 0 0 12px; }
.sandbox-record-layout { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(360px, 2fr) minmax(260px, 1fr); gap: 16px; align-items: start; }
.sandbox-column { min-width: 0; }
.highlight-title { display: block; font-size: 22px; margin: 8px 0; word-break: break-word; }
.highlight-properties { margin: 0; }
.highlight-properties div, .property-row { display: flex; gap: 8px; padding: 4px 0; }
.highlight-properties dt, .property-label { color: var(--hs-text-secondary); min-width: 120px; }
.highlight-properties dd { margin: 0; }
.property-row { border-bottom: 1px solid var(--hs-border); flex-direction: column; gap: 0; }
.property-value { min-height: 21px; word-break: break-word; }
.record-actions { display: flex; gap: 6px; margin-top: 12px; flex-wrap: wrap; }
.tabs { display: flex; gap: 24px; border-bottom: 1px solid var(--hs-border); margin-bottom: 16px; }
.tab { padding: 8px 0; border: 0; border-radius: 0; background: transparent; height: auto; }
.tab.active { border-bottom: 3px solid var(--hs-accent); font-weight: 600; }
table { width: 100%; border-collapse: collapse; background: var(--hs-surface); }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--hs-border); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 320px; }
th { font-size: 12px; text-transform: uppercase; color: var(--hs-text-secondary); background: var(--hs-background); }
.chicklet { padding: 8px 0; border-bottom: 1px solid var(--hs-border); }
.chicklet-detail { color: var(--hs-text-secondary); font-size: 13px; }
.sandbox-board { display: flex; gap: 12px; overflow-x: auto; align-items: flex-start; }
.sandbox-board-column { flex: 0 0 260px; background: var(--hs-surface); border: 1px solid var(--hs-border); border-radius: 4px; }
.sandbox-board-column header { padding: 10px 12px; border-bottom: 1px solid var(--hs-border); }
.column-label { font-weight: 600; display: block; }
.column-meta { color: var(--hs-text-secondary); font-size: 12px; padding: 0 12px; }
.sandbox-board-cards { margin: 0; padding: 8px; display: flex; flex-direction: column; gap: 8px; }
.sandbox-board-card { border: 1px solid var(--hs-border); border-radius: 3px; padding: 8px 10px; background: var(--hs-background); }
[data-test-id="board-card-section-title-link"] { font-weight: 600; word-break: break-word; }
.sandbox-card-property { font-size: 12px; color: var(--hs-text-secondary); }
[data-test-id="board-card-quick-actions-container"] { margin-top: 6px; }
[data-test-id="board-card-quick-actions-container"] button { height: 24px; padding: 0 8px; font-size: 12px; }
.view-header { display: flex; align-items: center; gap: 16px; margin-bottom: 16px; flex-wrap: wrap; }
.view-header h1 { font-size: 20px; margin: 0; }
.view-switcher a, .pipeline-switcher a { padding: 4px 10px; border: 1px solid var(--hs-border); border-radius: 3px; }
.view-switcher a.active, .pipeline-switcher a.active { background: var(--hs-accent); color: var(--hs-surface); }
.pagination { display: flex; gap: 12px; align-items: center; margin-top: 12px; }
.stage-won { color: var(--hs-won); }
.stage-lost { color: var(--hs-lost); }
.empty { color: var(--hs-text-secondary); }
`;
