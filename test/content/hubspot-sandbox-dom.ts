/**
 * The sandbox HubSpot's pages as a content script meets them, in-process: the server's
 * own page (its `fetch`, no socket) parsed by happy-dom with its script off, then the
 * content mounted into the stage as the page script does after its render delay. Pages
 * ask for a shape with their query parameters (sandbox/hubspot/pages/shapes.ts).
 */
import { Window } from 'happy-dom';
import type { HubSpotSandbox } from '../../sandbox/hubspot';
import type { SandboxShape } from '../../entrypoints/hubspot.content/selectors';

export const ORIGIN = 'http://localhost:4200';

export interface RenderedPage {
  document: Document;
  window: Window;
  /** The deals a view shows (the fragment's `records`), or null on a record page. */
  records: string[] | null;
  close(): Promise<void>;
}

/** The page at `path` with its content mounted, as the page script leaves it. */
export async function renderSandboxPage(sandbox: HubSpotSandbox, path: string): Promise<RenderedPage> {
  const url = `${ORIGIN}${path}`;
  const reply = await sandbox.fetch(url);
  if (!reply.ok) throw new Error(`${path}: HTTP ${reply.status}`);
  const markup = await reply.text();
  const fragment = (await (await sandbox.fetch(url, { headers: { 'X-Sandbox-Fragment': 'page' } })).json()) as { records?: string[] };
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const document = window.document as unknown as Document;
  document.write(markup);
  mountContent(document, url);
  return { document, window, records: fragment.records ?? null, close: () => window.happyDOM.close() };
}

/** Moves the page's `<template>` into the stage, as sandbox/kit/spa-script.ts `mount` does. */
export function mountContent(document: Document, url: string): Element {
  const template = document.getElementById('sandbox-page') as HTMLTemplateElement;
  const stage = document.getElementById('sandbox-stage') as HTMLElement;
  const host = document.createElement('div');
  host.className = 'sandbox-page active';
  host.setAttribute('data-sandbox-url', new URL(url).pathname);
  host.append(template.content.cloneNode(true));
  stage.append(host);
  template.remove();
  document.documentElement.dataset.sandboxState = 'ready';
  return host;
}

/** In-app navigation: the next page's content replaces the one on screen (what HubSpot does, and the sandbox's page script). */
export async function navigateInPlace(sandbox: HubSpotSandbox, page: RenderedPage, path: string): Promise<Element> {
  const url = `${ORIGIN}${path}`;
  const fragment = (await (await sandbox.fetch(url, { headers: { 'X-Sandbox-Fragment': 'page' } })).json()) as { html: string };
  const stage = page.document.getElementById('sandbox-stage') as HTMLElement;
  const host = page.document.createElement('div');
  host.className = 'sandbox-page active';
  host.append(page.document.createRange().createContextualFragment(fragment.html));
  stage.replaceChildren(host);
  return host;
}

/** Where each shape is served (the record shapes on `dealId`'s page). */
export function shapePath(sandbox: HubSpotSandbox, shape: SandboxShape, dealId: string): string {
  const portal = sandbox.portalId;
  const record = (layout: string) => `/contacts/${portal}/record/0-3/${dealId}?record=${layout}`;
  const list = (table: string, names: string) => `/contacts/${portal}/objects/0-3/views/all/list?table=${table}&names=${names}`;
  const paths: Record<SandboxShape, string> = {
    record: record('standard'),
    'record-cards': record('cards'),
    'record-no-highlight': record('no-highlight'),
    'record-cards-no-highlight': record('cards-no-highlight'),
    'record-unknown': record('unknown'),
    board: `/contacts/${portal}/objects/0-3/views/all/board?board=column-item`,
    'board-card': `/contacts/${portal}/objects/0-3/views/all/board?board=card`,
    list: list('crm-object', 'link'),
    'list-framework': list('framework', 'link'),
    'list-text': list('crm-object', 'text'),
    'list-framework-text': list('framework', 'text'),
    workspace: `/prospecting/${portal}/deals?names=link`,
    'workspace-text': `/prospecting/${portal}/deals?names=text`,
  };
  return paths[shape];
}
