/** Where the quality page's data comes from: the store in the extension, a fake in tests. */
import type { QualityPageData } from '../../components/quality/types';
import type { EventToPage } from '../../lib/messages';
import type { SegmentRecord } from '../../lib/store/schema';

export interface QualitySource {
  /** The connection to show (the preferred one, else the most recently synced) and what it holds. */
  load(preferred: string | null): Promise<QualityPageData>;
  /** The background's events: a finished job or changed data means a new report. */
  subscribe(listener: (event: EventToPage) => void): () => void;
  openOptions(): Promise<void>;
  retrain(connectionId: string): Promise<void>;
  /** The popup's saved segments: save (or replace, by name) one and return every segment; delete one. */
  saveSegment(name: string, filters: Record<string, unknown>): Promise<SegmentRecord[]>;
  deleteSegment(id: number): Promise<SegmentRecord[]>;
  /** Who "me" is for a connection, shared with the popup. */
  saveMe(connectionId: string, name: string | null): Promise<void>;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
