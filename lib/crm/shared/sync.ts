/**
 * What every connector's sync hands the background, whatever the CRM: the page it stores
 * with its checkpoint and cursor, and the run's result. Each connector extends these.
 */
import type { LeakyAttribute } from '../leakage';
import type { AttributeField, IsoDate, Opportunity } from '../opportunity';

/** A record that could not be mapped, with a reason that names it. */
export interface RejectedRecord {
  id: string | null;
  reason: string;
}

export interface SyncPageBase {
  opportunities: Opportunity[];
  rejected: RejectedRecord[];
  /** Records deleted in the CRM since the checkpoint: on the first page of an incremental sync. */
  deleted: string[];
  /** Store both: the checkpoint moves only on the last page; the cursor is null once the sync is complete. */
  checkpoint: string | null;
  cursor: string | null;
  done: number;
  total: number | null;
}

export interface SyncOptionsBase<Page, Progress> {
  /** The last completed sync's checkpoint (SyncStateRecord.checkpoint); null for a full sync. */
  checkpoint: string | null;
  /** The resume point of an interrupted sync (SyncStateRecord.cursor). */
  cursor: string | null;
  /** Closed deals of the last `years` years (default 3); open deals always. */
  years?: number;
  onProgress?: (progress: Progress) => void;
  /** Awaited before the next page is fetched: store the page and its checkpoint/cursor here. */
  onPage?: (page: Page) => void | Promise<void>;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface SyncResultBase {
  mode: 'full' | 'incremental';
  /** Whether this run continued an interrupted one (its earlier pages were handed over then). */
  resumed: boolean;
  /** New and changed opportunities of this run. */
  opportunities: Opportunity[];
  rejected: RejectedRecord[];
  /** Deleted ids (incremental syncs), or null when not looked up. */
  deleted: string[] | null;
  /** Attributes with their coverage over this run's opportunities. */
  fields: AttributeField[];
  leaky: LeakyAttribute[];
  checkpoint: string | null;
  cursor: null;
  /** The closed-deal window's first day: closed deals before it were not asked for. */
  closedSince: IsoDate;
  warnings: string[];
}

/**
 * The saved state a sync starts from: the interrupted run's cursor (decoded by the
 * connector) and the last checkpoint, each dropped with a warning when unreadable.
 */
export function readSavedState<C>(
  saved: { cursor: string | null; checkpoint: string | null },
  decode: (text: string) => { cursor: C } | { reason: string },
  readInstant: (text: string) => string | null,
  warnings: string[],
): { resume: C | null; previous: string | null } {
  let resume: C | null = null;
  if (saved.cursor !== null) {
    const decoded = decode(saved.cursor);
    if ('reason' in decoded) warnings.push(`The interrupted sync could not be resumed (${decoded.reason}), so it started over.`);
    else resume = decoded.cursor;
  }
  let previous: string | null = null;
  if (saved.checkpoint !== null) {
    previous = readInstant(saved.checkpoint);
    if (previous === null) warnings.push(`The saved checkpoint "${saved.checkpoint}" is not a date and time, so this sync is a full one.`);
  }
  return { resume, previous };
}
