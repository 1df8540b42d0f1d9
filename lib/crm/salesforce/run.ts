/**
 * The state of one sync over the opportunity pages: which records are new, the resume key
 * after each page, the next checkpoint, and the progress counts.
 */
import type { IsoDate, Opportunity } from '../opportunity';
import type { SalesforceClient, SalesforceRecord } from './client';
import type { SalesforceContext } from './context';
import { compareKeys, encodeCursor, type SyncCursor } from './cursor';
import { toId18 } from './ids';
import { mapBatch, RelatedState, type MappedBatch, type RejectedRecord } from './related';
import { readDateTime, readText } from '../shared/values';

type Key = { modstamp: string; id: string };

export class SyncRun {
  done: number;
  total: number | null;
  pages = 0;
  resumed: boolean;
  readonly rejected: RejectedRecord[] = [];
  private readonly byId = new Map<string, Opportunity>();
  /** How the interrupted run is continued: from a key (a fresh query, counting anew) or its locator (the same query). */
  private resumedBy: 'key' | 'locator' | null;
  private after: Key | null;
  private skipUpTo: Key | null;
  /** Every record so far came in (SystemModstamp, Id) order with both: then `after` is a valid resume key. */
  private ordered: boolean;
  private maxModstamp: string | null;
  private readonly related = new RelatedState();

  constructor(
    private readonly client: SalesforceClient,
    private readonly context: SalesforceContext,
    readonly mode: 'full' | 'incremental',
    /** Incremental: records at or before this instant were synced already. */
    private readonly since: string | null,
    resume: SyncCursor | null,
  ) {
    this.resumed = resume !== null;
    this.resumedBy = resume === null ? null : resume.locator !== null ? 'locator' : 'key';
    this.done = resume?.done ?? 0;
    this.total = resume?.total ?? null;
    this.after = resume?.after ?? null;
    this.skipUpTo = resume?.after ?? null;
    this.ordered = context.plan.modstamp && this.resumedBy !== 'locator';
    this.maxModstamp = resume?.maxModstamp ?? null;
  }

  /** Forget the interrupted run: its query is gone, so this one starts from the beginning. */
  restart(): void {
    this.resumed = false;
    this.resumedBy = null;
    this.done = 0;
    this.total = null;
    this.after = null;
    this.skipUpTo = null;
    this.ordered = this.context.plan.modstamp;
    this.maxModstamp = null;
  }

  async page(records: readonly SalesforceRecord[], totalSize: number, signal: AbortSignal | undefined): Promise<MappedBatch> {
    // A locator continues the same query (same total); a key resume runs a new one over what is left.
    if (this.pages === 0) this.total = this.resumedBy === 'key' ? this.done + totalSize : totalSize;
    this.pages++;
    const fresh = records.filter((r) => this.isNew(r));
    for (const record of fresh) {
      const key = keyOf(record);
      if (key === null || (this.after !== null && compareKeys(key, this.after) < 0)) this.ordered = false;
      if (key === null) continue;
      this.after = key;
      if (this.maxModstamp === null || key.modstamp > this.maxModstamp) this.maxModstamp = key.modstamp;
    }
    const batch = await mapBatch(this.client, this.context, fresh, this.related, signal);
    for (const o of batch.opportunities) this.byId.set(o.id, o);
    this.rejected.push(...batch.rejected);
    this.done += fresh.length;
    if (this.total !== null && this.done > this.total) this.total = this.done;
    return batch;
  }

  /**
   * Queries ask from the second of a checkpoint or key (`>=`, floored), so the first
   * records of a page may be ones already synced: the exact instant and id tell.
   */
  private isNew(record: SalesforceRecord): boolean {
    const key = keyOf(record);
    if (key === null) return true;
    if (this.since !== null && key.modstamp <= this.since) return false;
    return this.skipUpTo === null || compareKeys(key, this.skipUpTo) > 0;
  }

  cursor(closedSince: IsoDate, nextRecordsUrl: string | null): string {
    const keyed = this.ordered && this.after !== null;
    return encodeCursor({
      v: 1,
      mode: this.mode,
      closedSince,
      customFields: this.context.plan.customFields,
      after: keyed ? this.after : null,
      locator: keyed ? null : nextRecordsUrl,
      done: this.done,
      total: this.total,
      maxModstamp: this.maxModstamp,
    });
  }

  /** The next checkpoint: the largest SystemModstamp seen, never behind the previous one. */
  checkpoint(previous: string | null): string | null {
    if (this.maxModstamp === null) return previous;
    return previous === null || this.maxModstamp > previous ? this.maxModstamp : previous;
  }

  /** All pages read: the count is exact now (a resumed query's size counts the records it skips). */
  finish(): void {
    this.total = this.done;
  }

  opportunities(): Opportunity[] {
    return [...this.byId.values()];
  }

  warnings(): string[] {
    const notes = [...this.related.warnings];
    const unknown = this.related.unknownStages;
    if (unknown.size > 0) {
      const list = [...unknown].map(([stage, n]) => `"${stage}" (${n} deal${n === 1 ? '' : 's'})`).join(', ');
      notes.push(`These stages are not among the org's OpportunityStage values, so each deal's own IsClosed and IsWon flags were used: ${list}.`);
    }
    if (!this.context.plan.modstamp)
      notes.push('SystemModstamp is not readable, so every sync is a full one and an interrupted sync resumes only within 15 minutes.');
    return notes;
  }
}

function keyOf(record: SalesforceRecord): Key | null {
  const modstamp = readDateTime(record.SystemModstamp);
  const raw = readText(record.Id);
  const id = raw === null ? null : toId18(raw);
  return modstamp === null || id === null ? null : { modstamp, id };
}
