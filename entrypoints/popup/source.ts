/**
 * Everything the popup reads and does outside itself, behind one interface: the store
 * (store-source.ts), the e2e build's generated demo data (demo-source.ts), or a test's
 * fake. The App only renders what a source gives it.
 */
import type { EventToPage } from '../../lib/messages';
import type { PipelineRow } from '../../lib/panel-data';
import type { PipelineView } from '../../lib/pipeline/segments';
import type { ConnectionRecord, JobRecord, ModelRecord, SegmentRecord } from '../../lib/store/schema';

/** One connection's pipeline and everything needed to say what state it is in. */
export interface PopupData {
  connections: ConnectionRecord[];
  /** The connection shown (lib/pipeline `chooseConnection`); null when there is none. */
  connection: ConnectionRecord | null;
  model: ModelRecord | null;
  /** Its open deals, scored. */
  rows: readonly PipelineRow[];
  segments: SegmentRecord[];
  /** Recent jobs of every connection, newest first. */
  jobs: JobRecord[];
  /** Who "me" is for this connection (an owner name), when the user has said. */
  me: string | null;
}

export interface PopupSource {
  /** The view the popup was left in (filters, sort, connection). */
  loadView(): Promise<PipelineView>;
  saveView(view: PipelineView): Promise<void>;
  /** Loads `preferredConnectionId`, or the best other connection when it is gone. */
  load(preferredConnectionId: string | null): Promise<PopupData>;
  saveMe(connectionId: string, name: string | null): Promise<void>;
  /** Saves (or replaces, by name) a segment; returns every segment. */
  saveSegment(name: string, filters: Record<string, unknown>): Promise<SegmentRecord[]>;
  deleteSegment(id: number): Promise<SegmentRecord[]>;
  /** Job progress and data changes; returns the unsubscribe function. */
  subscribe(onEvent: (event: EventToPage) => void): () => void;
  /** The background's version; rejects when it does not answer. */
  ping(): Promise<string>;
  openRecord(row: PipelineRow): Promise<void>;
  openOptions(): Promise<void>;
  retrain(connectionId: string): Promise<void>;
}

/** An error as one sentence for the user. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
