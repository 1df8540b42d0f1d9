import type { HealthLevel } from '../../lib/engine/health/health';
import { formatNumber, formatPercent, shownWin } from '../../lib/format';
import { t, type PlainMessageKey } from '../../lib/i18n';
import type { RecordChip } from '../../lib/messages';
import type { CrmAdapter } from './adapter';
import { HOSTS } from './hosts';
import { guard, logOnce } from './log';
import { detectTheme, watchTheme, type CrmTheme, type ThemeRules } from './theme';

export interface ListChipsOptions {
  /** The CRM's pages: the record links of a view, and its theme. */
  adapter: Pick<CrmAdapter, 'listLinks' | 'isDark' | 'themeAttributes'>;
  doc: Document;
  url: string;
  signal: AbortSignal;
  /** One batch per scan: the ids not asked for yet on this page. */
  getScores: (url: string, ids: string[]) => Promise<Record<string, RecordChip>>;
  debounceMs?: number;
  /** Calls `listener` whenever the store changed (a sync finished) until `signal` aborts. */
  onDataChanged?: (listener: () => void, signal: AbortSignal) => void;
}

/**
 * Chip styles, inside each chip's own shadow root. Plain CSS, not Tailwind: a list view
 * holds hundreds of rows, and WXT's shadow-root UI would fetch and parse the whole
 * stylesheet once per chip.
 */
const CHIP_CSS = `
:host { all: initial; display: inline-flex; flex-wrap: wrap; max-width: 100%; gap: 2px 4px; margin-inline-start: 6px; vertical-align: middle; font: 600 11px/16px system-ui, sans-serif; }
:host([data-side="before"]) { margin-inline: 0 6px; }
span { border-radius: 9999px; padding: 0 6px; background: #eef2ff; color: #3730a3; white-space: nowrap; }
span[data-kind="rbp"] { background: #ecfdf5; color: #065f46; }
:host([data-theme="dark"]) span { background: #312e81; color: #e0e7ff; }
:host([data-theme="dark"]) span[data-kind="rbp"] { background: #064e3b; color: #d1fae5; }
span[data-health="on-track"] { background: #f0fdf4; color: #166534; }
span[data-health="needs-attention"] { background: #fffbeb; color: #92400e; }
span[data-health="at-risk"] { background: #fff1f2; color: #9f1239; }
:host([data-theme="dark"]) span[data-health="on-track"] { background: #14532d; color: #dcfce7; }
:host([data-theme="dark"]) span[data-health="needs-attention"] { background: #78350f; color: #fef3c7; }
:host([data-theme="dark"]) span[data-health="at-risk"] { background: #881337; color: #ffe4e6; }
`;

/** What a chip says of a deal: its Win Potential, its Repeat Buyer Potential, its health. */
export type ChipKind = 'win' | 'rbp' | 'health';

export interface ChipText {
  kind: ChipKind;
  text: string;
  label: string;
  /** The health level, for a health text. */
  health?: HealthLevel;
}

const HEALTH_WORDS: Record<HealthLevel, { short: PlainMessageKey; long: PlainMessageKey }> = {
  'on-track': { short: 'overlay_chipHealth_onTrack', long: 'overlay_chipHealthLong_onTrack' },
  'needs-attention': { short: 'overlay_chipHealth_needsAttention', long: 'overlay_chipHealthLong_needsAttention' },
  'at-risk': { short: 'overlay_chipHealth_atRisk', long: 'overlay_chipHealthLong_atRisk' },
};

/**
 * "Win 62%", "RBP 71" and, where the row has `room` for a third, the health ("At risk"):
 * what a chip says, or nothing when there is nothing to say.
 */
export function chipTexts(chip: RecordChip, room = true): ChipText[] {
  const out: ChipText[] = [];
  if (chip.winPotential !== null && Number.isFinite(chip.winPotential)) {
    const pct = Math.round(shownWin(chip.winPotential) * 100);
    const percent = formatPercent(pct / 100);
    out.push({ kind: 'win', text: t('overlay_chipWin', { percent }), label: t('overlay_chipWinLabel', { percent }) });
  }
  if (chip.repeatBuyerPotential !== null && Number.isFinite(chip.repeatBuyerPotential)) {
    const value = Math.round(Math.min(100, Math.max(0, chip.repeatBuyerPotential)));
    const score = formatNumber(value);
    out.push({ kind: 'rbp', text: t('overlay_chipRbp', { score }), label: t('overlay_chipRbpLabel', { score }) });
  }
  const health = chip.health ?? null;
  if (room && health !== null && health in HEALTH_WORDS) {
    const words = HEALTH_WORDS[health];
    out.push({ kind: 'health', health, text: t(words.short), label: t('overlay_chipHealthLabel', { level: t(words.long) }) });
  }
  return out;
}

function createChip(doc: Document, id: string, chip: RecordChip, theme: CrmTheme, room: boolean): HTMLElement | null {
  const texts = chipTexts(chip, room);
  if (texts.length === 0) return null;
  const host = doc.createElement(HOSTS.chip);
  host.dataset.recordId = id;
  host.dataset.theme = theme;
  // Closed, as the panel's: the page's scripts must not read the scores through `host.shadowRoot`.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CHIP_CSS;
  shadow.append(style);
  for (const said of texts) {
    const span = doc.createElement('span');
    span.dataset.kind = said.kind;
    if (said.health) span.dataset.health = said.health;
    span.title = said.label;
    span.setAttribute('aria-label', said.label);
    span.textContent = said.text;
    shadow.append(span);
  }
  return host;
}

/**
 * Whether `link`'s cell cuts its text off: the link or one of its two nearest ancestors
 * hides its overflow on one line (`white-space: nowrap` or `text-overflow: ellipsis`), as
 * Lightning's `slds-truncate` cells and HubSpot's table cells do.
 */
export function clipsLongText(link: Element): boolean {
  const view = link.ownerDocument.defaultView;
  if (!view) return false;
  let el: Element | null = link;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const style = view.getComputedStyle(el);
    const hides = style.overflow === 'hidden' || style.overflowX === 'hidden';
    if (hides && (style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap')) return true;
  }
  return false;
}

/**
 * Whether a chip after (or before) `link` has room for the deal's health as a third pill:
 * not in a cell that cuts long names off, and not in a table's cell at all (list views lay
 * each row on one line in fixed columns, and a longer chip pushes past the column's edge:
 * seen on the sandbox HubSpot's deals list, whose cells clip further up than `clipsLongText`
 * looks). Board and Kanban cards wrap their title, and take it.
 */
export function hasRoomForHealth(link: Element): boolean {
  return link.closest('td, th, [role="gridcell"], [role="cell"], [role="rowheader"]') === null && !clipsLongText(link);
}

/**
 * Win Potential and Repeat Buyer Potential chips after the record names of a list or board view,
 * with the deal's health where the view has room for it (`hasRoomForHealth`).
 * Scans now and whenever rows are added (debounced), asks only for ids it has not asked
 * for, and removes every chip when `signal` aborts.
 */
export function startListChips(options: ListChipsOptions): void {
  const { doc, url, signal, adapter } = options;
  if (signal.aborted) return;
  const rules: ThemeRules = { isDark: adapter.isDark, attributes: adapter.themeAttributes };
  const listLinks = (d: Document) => guard('list rows', () => adapter.listLinks(d), []);
  const scores = new Map<string, RecordChip | null>();
  const chips = new Set<HTMLElement>();
  /**
   * Each link's chip, and each chip's link. A chip is found through its link, not by looking
   * beside the link: the app may put its own nodes between them (a hover icon), and a chip
   * looked for beside the link would then be added again.
   */
  const chipOf = new WeakMap<Element, HTMLElement>();
  const linkOf = new WeakMap<HTMLElement, Element>();
  const drop = (chip: HTMLElement): void => {
    chip.remove();
    chips.delete(chip);
  };
  let theme = detectTheme(doc, rules);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when the store changes: chips of an older version are replaced as new scores arrive. */
  let version = 0;

  const place = (): void => {
    // Chips whose link the app took out of the page (it rendered the row again): they go too.
    for (const chip of [...chips]) {
      if (!linkOf.get(chip)?.isConnected) drop(chip);
    }
    for (const { link, id } of listLinks(doc)) {
      const score = scores.get(id);
      if (!score) continue;
      const existing = chipOf.get(link);
      if (existing && existing.isConnected && existing.parentElement === link.parentElement && existing.dataset.recordId === id) {
        if (existing.dataset.version === String(version)) continue;
        // A chip from before the store changed: replaced by the new score.
        drop(existing);
      } else if (existing) {
        drop(existing);
      }
      // After the name, unless the cell cuts long names off with an ellipsis: there a chip
      // after the name would be cut off too, so it goes before it.
      const before = guard('chip side', () => clipsLongText(link), false);
      const room = !before && guard('chip room', () => hasRoomForHealth(link), false);
      const chip = createChip(doc, id, score, theme, room);
      if (!chip) continue;
      chip.dataset.version = String(version);
      if (before) chip.dataset.side = 'before';
      guard('insert chip', () => (before ? link.before(chip) : link.after(chip)), undefined);
      chips.add(chip);
      chipOf.set(link, chip);
      linkOf.set(chip, link);
    }
  };

  const scan = (): void => {
    if (signal.aborted) return;
    const missing = [...new Set(listLinks(doc).map((l) => l.id))].filter((id) => !scores.has(id));
    place();
    if (missing.length === 0) return;
    for (const id of missing) scores.set(id, null);
    options.getScores(url, missing).then(
      (got) => {
        if (signal.aborted) return;
        for (const id of missing) scores.set(id, got[id] ?? null);
        place();
      },
      (error: unknown) => logOnce('get-record-scores', error),
    );
  };

  const isChip = (n: Node): boolean => n instanceof Element && n.tagName.toLowerCase() === HOSTS.chip;
  const observer = new MutationObserver((records) => {
    // Our own chips going in are mutations too: ignore batches made only of them. Classes
    // count: an app that keeps its pages in the DOM shows another one by flipping classes
    // alone (a console tab switch), and that page's links need their chips.
    const relevant = records.some((r) => (r.type === 'attributes' ? !isChip(r.target) : Array.from(r.addedNodes).some((n) => !isChip(n))));
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(scan, options.debounceMs ?? 150);
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'hidden', 'aria-expanded'],
  });
  options.onDataChanged?.(() => {
    version++;
    scores.clear();
    scan();
  }, signal);
  watchTheme(doc, rules, signal, (next) => {
    theme = next;
    for (const chip of chips) chip.dataset.theme = next;
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const chip of chips) chip.remove();
      chips.clear();
    },
    { once: true },
  );
  scan();
}
