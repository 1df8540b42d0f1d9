/**
 * "Find leads" on a persona card: the providers, the filters with the user's ticks, and
 * opening a search. The URLs and the clipboard summary come from lib/leads (persona
 * attributes only, through its privacy guard); this file only applies the ticks and does
 * the two steps in the order the browser needs.
 */
import { apolloSearchUrl, seamlessClipboardSummary, seamlessSearchUrl, type LeadFilter } from '../../lib/leads';

export type LeadProvider = 'apollo' | 'seamless';
export const LEAD_PROVIDERS: readonly LeadProvider[] = ['apollo', 'seamless'];

/** The filters with the ones whose ids are in `unticked` disabled (left out of the search). */
export function withTicks(filters: readonly LeadFilter[], unticked: ReadonlySet<string>): LeadFilter[] {
  return filters.map((f) => ({ ...f, enabled: f.enabled && !unticked.has(f.id) }));
}

export interface LeadSearch {
  provider: LeadProvider;
  url: string;
  /** What goes on the clipboard first (Seamless.AI); null for Apollo. */
  clipboard: string | null;
}

/** The search a provider opens for the ticked filters. */
export function leadSearch(provider: LeadProvider, filters: readonly LeadFilter[]): LeadSearch {
  if (provider === 'apollo') return { provider, url: apolloSearchUrl(filters), clipboard: null };
  return { provider, url: seamlessSearchUrl(filters), clipboard: seamlessClipboardSummary(filters) };
}

export interface LeadSearchOutcome {
  /** The clipboard was written (Seamless.AI); null when nothing was to be copied. */
  copied: boolean | null;
  copyError: string | null;
  opened: boolean;
  openError: string | null;
}

const messageOf = (error: unknown): string => (error instanceof Error && error.message ? error.message : String(error));

/**
 * Copies the clipboard text (if any), then opens the search. Copy first: the clipboard
 * needs the page focused and the click's user activation, both gone once a tab opens. The
 * search opens even when copying fails (the page then shows the text to copy by hand).
 */
export async function runLeadSearch(
  search: LeadSearch,
  io: { openTab(url: string): Promise<void>; copyText(text: string): Promise<void> },
): Promise<LeadSearchOutcome> {
  let copied: boolean | null = null;
  let copyError: string | null = null;
  if (search.clipboard !== null) {
    try {
      await io.copyText(search.clipboard);
      copied = true;
    } catch (error) {
      copied = false;
      copyError = messageOf(error);
    }
  }
  try {
    await io.openTab(search.url);
    return { copied, copyError, opened: true, openError: null };
  } catch (error) {
    return { copied, copyError, opened: false, openError: messageOf(error) };
  }
}
