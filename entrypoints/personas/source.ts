/**
 * Everything the personas page reads and does outside itself, behind one interface: the
 * store and the browser (store-source.ts), or a test's fake. The page only renders what a
 * source gives it, as the popup does (entrypoints/popup/source.ts).
 */
import type { EventToPage } from '../../lib/messages';
import type { RecordLinker } from '../../lib/crm/connector';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { ConnectionRecord, JobRecord, ModelRecord, PersonaRecord } from '../../lib/store/schema';

/** One connection's personas and what is needed to say what state they are in. */
export interface PersonasData {
  connections: ConnectionRecord[];
  /** The connection shown (lib/pipeline `chooseConnection`, as the popup picks it); null when there is none. */
  connection: ConnectionRecord | null;
  model: ModelRecord | null;
  /** Every persona record of the connection, org and team levels. */
  personas: PersonaRecord[];
  /** The connection's open deals, to find those aligned with each persona. */
  open: Opportunity[];
  /** Recent jobs of every connection, newest first. */
  jobs: JobRecord[];
  /** Where Salesforce records open (`https://acme.lightning.force.com`), when the org's page origin is known. */
  crmLink: RecordLinker | null;
}

export interface PersonasSource {
  /** The connection the popup was left on, so both pages open on the same data. */
  preferredConnection(): Promise<string | null>;
  /** Loads `preferred`, or the best other connection when it is gone. */
  load(preferred: string | null): Promise<PersonasData>;
  /** Job progress and data changes; returns the unsubscribe function. */
  subscribe(onEvent: (event: EventToPage) => void): () => void;
  openOptions(): Promise<void>;
  /** Opens a web page (a lead search) in a new tab. */
  openTab(url: string): Promise<void>;
  /** Writes text to the clipboard; rejects when the browser refuses. */
  copyText(text: string): Promise<void>;
  /** The extension's detail page (`chrome-extension://…/detail.html`), for records without a CRM page. */
  detailPage: string;
  /** The extension's options page, for links. */
  optionsPage: string;
}

/** An error as one sentence for the user. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
