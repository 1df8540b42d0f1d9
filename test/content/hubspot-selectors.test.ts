/**
 * HubSpot's selectors as tested data (refined-github's way): every selector in
 * entrypoints/hubspot.content/selectors.ts names its evidence and declares how many
 * elements it matches on each shape of the sandbox HubSpot's pages; here every shape is
 * rendered from the sandbox's own page renderer and every count checked. A sandbox change
 * that breaks a real-markup selector (or a selector that drifts from the evidence the
 * sandbox reproduces) fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedMatches, RECORD_ANCHORS, SANDBOX_SHAPES, SELECTORS, type SandboxShape } from '../../entrypoints/hubspot.content/selectors';
import { createHubSpotSandbox, type HubSpotSandbox } from '../../sandbox/hubspot';
import { renderSandboxPage, shapePath, type RenderedPage } from './hubspot-sandbox-dom';

let sandbox: HubSpotSandbox;
const pages = new Map<SandboxShape, RenderedPage>();

beforeAll(async () => {
  sandbox = createHubSpotSandbox({ seed: 7, opportunities: 150, renderDelayMs: 0 });
  const deal = sandbox.org.opportunities.find((o) => !o.isClosed)!;
  for (const shape of SANDBOX_SHAPES) pages.set(shape, await renderSandboxPage(sandbox, shapePath(sandbox, shape, deal.id)));
});
afterAll(async () => {
  for (const page of pages.values()) await page.close();
});

const ALL = { ...RECORD_ANCHORS, ...SELECTORS };
const EXPECTED = expectedMatches();

describe('HubSpot selectors', () => {
  it('each name the crm-evidence.md row or public source they rest on, and declare a count on every shape', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ALL).sort());
    for (const [name, rule] of Object.entries(ALL)) {
      expect(rule.evidence, name).toMatch(/crm-evidence\.md|revguide|HUBSPOT_DOM/);
      expect(Object.keys(EXPECTED[name as keyof typeof EXPECTED]).sort(), name).toEqual([...SANDBOX_SHAPES].sort());
    }
  });

  it('every view shape shows deals, hostile names among them', () => {
    for (const shape of SANDBOX_SHAPES.filter((s) => !s.startsWith('record'))) {
      const records = pages.get(shape)!.records;
      expect(records?.length ?? 0, shape).toBeGreaterThan(5);
      // The sandbox plants hostile names on the newest open deals: the list, board and workspace lead with them.
      expect(
        records!.some((id) => id in sandbox.hostile.opportunityNames),
        shape,
      ).toBe(true);
    }
  });

  for (const shape of SANDBOX_SHAPES) {
    it(`match what they declare on the ${shape} shape`, () => {
      const page = pages.get(shape)!;
      const got: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const [name, rule] of Object.entries(ALL)) {
        const expected = EXPECTED[name as keyof typeof EXPECTED][shape];
        got[name] = page.document.querySelectorAll(rule.selector).length;
        wanted[name] = expected === 'each' ? (page.records?.length ?? -1) : expected;
      }
      expect(got).toEqual(wanted);
    });
  }
});
