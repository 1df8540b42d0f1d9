// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAnchor, waitForAnchor } from '../../entrypoints/salesforce.content/anchor';
import { COLOR_SCHEME, SELECTORS } from '../../entrypoints/salesforce.content/selectors';
import { detectTheme, luminanceOf, watchTheme } from '../../components/overlay/theme';
import { salesforceAdapter } from '../../entrypoints/salesforce.content/adapter';
import { headerName, highlights, setHtml, stage, tick } from './salesforce-fixture';

const adapter = salesforceAdapter({ localhost: true });
const rules = { isDark: adapter.isDark, attributes: adapter.themeAttributes };

describe('record anchor', () => {
  it('finds the highlights of the active page only, not a hidden earlier page', () => {
    stage(document, [highlights('Old deal'), highlights('New deal')]);
    const anchor = findAnchor(document)?.element;
    expect(anchor?.tagName.toLowerCase()).toBe('records-lwc-highlights-panel');
    expect(headerName(anchor)).toBe('New deal');
  });

  it('is null when only a hidden page has highlights', () => {
    stage(document, [highlights('Old deal'), '<p>loading…</p>']);
    expect(findAnchor(document)).toBeNull();
  });

  it('falls back to Classic’s title block without a Lightning stage', () => {
    document.body.className = 'hasMotif opportunityTab detailPage sfdcBody';
    setHtml(document.body, '<table id="bodyTable"><tbody><tr><td id="bodyCell"><div class="bPageTitle"><h2>Classic deal</h2></div></td></tr></tbody></table>');
    expect(findAnchor(document)?.element.className).toBe('bPageTitle');
  });

  it('waits for the anchor to render', async () => {
    const root = stage(document, ['<p>loading…</p>']);
    const found = waitForAnchor(document, new AbortController().signal, 2000);
    await tick(10);
    setHtml(root.querySelector('.oneContent.active')!, highlights('Late deal'));
    expect(headerName((await found)?.element)).toBe('Late deal');
  });

  it('gives null after the timeout, and on abort', async () => {
    stage(document, ['<p>nothing</p>']);
    expect(await waitForAnchor(document, new AbortController().signal, 20)).toBeNull();
    const c = new AbortController();
    const p = waitForAnchor(document, c.signal, 5000);
    c.abort();
    expect(await p).toBeNull();
  });
});

describe('selectors', () => {
  it('are valid CSS selectors', () => {
    const all = Object.values(SELECTORS).map((s) => s.selector);
    for (const s of all) expect(() => document.querySelector(s), s).not.toThrow();
  });
});

describe('theme', () => {
  it('reads SLDS’s dark class on <body>, and follows it', async () => {
    document.documentElement.className = '';
    document.body.className = '';
    expect(detectTheme(document, rules)).toBe('light');
    const seen: string[] = [];
    const c = new AbortController();
    watchTheme(document, rules, c.signal, (t) => seen.push(t));
    document.body.classList.add(COLOR_SCHEME.dark[0]);
    await tick(0);
    expect(detectTheme(document, rules)).toBe('dark');
    expect(seen).toEqual(['dark']);
    c.abort();
    document.body.className = '';
    await tick(0);
    expect(seen).toEqual(['dark']);
  });

  it('falls back to the body’s computed background', () => {
    document.documentElement.className = '';
    document.body.className = '';
    document.body.style.backgroundColor = 'rgb(22, 50, 92)';
    expect(detectTheme(document, rules)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 249)';
    expect(detectTheme(document, rules)).toBe('light');
    document.body.style.backgroundColor = '';
  });

  it('luminance of worked colours', () => {
    expect(luminanceOf('rgb(0, 0, 0)')).toBe(0);
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1, 10);
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminanceOf('transparent')).toBeNull();
    // Hex, as a DOM without layout reports a colour written that way.
    expect(luminanceOf('#fff')).toBeCloseTo(1, 10);
    expect(luminanceOf('#000000')).toBe(0);
    expect(luminanceOf('#16325c')).toBeCloseTo(luminanceOf('rgb(22, 50, 92)') as number, 12);
    expect(luminanceOf('#12')).toBeNull();
  });
});
