/** Where the quality page's data comes from: the store in the extension, a fake in tests. */
import type { QualityPageData } from '../../components/quality/types';
import type { EventToPage } from '../../lib/messages';

export interface QualitySource {
  /** The connection to show (the preferred one, else the most recently synced) and what it holds. */
  load(preferred: string | null): Promise<QualityPageData>;
  /** The background's events: a finished job or changed data means a new report. */
  subscribe(listener: (event: EventToPage) => void): () => void;
  openOptions(): Promise<void>;
  retrain(connectionId: string): Promise<void>;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
