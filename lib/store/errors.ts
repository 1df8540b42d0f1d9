/**
 * Store failures as the user reads them. Every read and write of lib/store goes through
 * `reading`/`writing` (./guard.ts), which turn Dexie's and IndexedDB's errors into a
 * `StoreError` whose message the options page, the popup and the panels can show as is.
 *
 * Why the unwrapping: IndexedDB reports a full disk as a `QuotaExceededError` on the
 * request or, more often, as the transaction's error when it aborts; Dexie then rejects
 * with an `AbortError` (or a `BulkError`/`ModifyError` for bulk operations) whose `inner`
 * (or `failures`) holds the real cause. https://dexie.org/docs/DexieErrors/DexieErrors
 */

export type StoreErrorKind = 'quota' | 'write' | 'read' | 'version' | 'missing';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Error names that mean "no space left" in Chromium, Firefox (old and new) and Safari. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
const VERSION_NAMES = new Set(['VersionError']);

/**
 * The message of each kind. `what` names the thing, e.g. `the import of "deals.csv"`.
 * Writes are transactional (design.md, house rule 5), so a failed write changed nothing,
 * and the message can say so.
 */
export const storeMessages = {
  quota: (what: string): string =>
    `Your browser's storage for Dealsight is full: ${what} could not be saved. ` +
    'Free some space (delete a connection you no longer use on the options page, or clear data other sites keep), then try again. ' +
    'Nothing already stored was changed.',
  write: (what: string, reason: string): string => `Dealsight could not save ${what}: ${reason}. Nothing already stored was changed.`,
  read: (what: string, reason: string): string => `Dealsight could not read ${what}: ${reason}.`,
  version: (): string =>
    "Dealsight's stored data was written by a newer version of Dealsight than this one, so this version cannot open it. " +
    'Update the extension; nothing stored was changed.',
} as const;

/**
 * Converts anything a Dexie/IndexedDB call threw into a `StoreError`. A `StoreError`
 * passes through unchanged (for example a 'missing' thrown inside a transaction).
 */
export function toStoreError(error: unknown, operation: 'read' | 'write', what: string): StoreError {
  if (error instanceof StoreError) return error;
  const causes = causeChain(error);
  if (causes.some((e) => QUOTA_NAMES.has(e.name))) return new StoreError('quota', storeMessages.quota(what), { cause: error });
  if (causes.some((e) => VERSION_NAMES.has(e.name))) return new StoreError('version', storeMessages.version(), { cause: error });
  const reason = describeCause(causes);
  return operation === 'write'
    ? new StoreError('write', storeMessages.write(what, reason), { cause: error })
    : new StoreError('read', storeMessages.read(what, reason), { cause: error });
}

interface NamedError {
  name: string;
  message: string;
}

/**
 * The error and everything it wraps, outermost first: Dexie's `inner`, the standard
 * `cause`, and the per-record `failures` of `BulkError` (an array) and `ModifyError`.
 */
export function causeChain(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof record.name === 'string') {
      chain.push({ name: record.name, message: typeof record.message === 'string' ? record.message : '' });
    }
    visit(record.inner, depth + 1);
    visit(record.cause, depth + 1);
    const failures = record.failures;
    if (Array.isArray(failures)) failures.slice(0, 8).forEach((f) => visit(f, depth + 1));
    else if (failures && typeof failures === 'object')
      Object.values(failures)
        .slice(0, 8)
        .forEach((f) => visit(f, depth + 1));
  };
  visit(error, 0);
  if (chain.length === 0) chain.push({ name: 'Error', message: String(error) });
  return chain;
}

/** Dexie's wrappers only say "transaction aborted": name the innermost real cause. */
const WRAPPER_NAMES = new Set(['AbortError', 'BulkError', 'ModifyError', 'OpenFailedError', 'DexieError']);

function describeCause(causes: NamedError[]): string {
  const root = [...causes].reverse().find((e) => !WRAPPER_NAMES.has(e.name)) ?? causes[causes.length - 1];
  const plain = (root?.message ?? '').split('\n')[0]?.trim() ?? '';
  switch (root?.name) {
    case 'ConstraintError':
      return 'a record with the same key is already stored';
    case 'DataCloneError':
      return `a value cannot be stored (${plain || 'it cannot be copied'})`;
    case 'DatabaseClosedError':
      return 'the database was closed (the extension is reloading or being updated); try again';
    case 'MissingAPIError':
    case 'InvalidStateError':
      return 'IndexedDB is not available here (a private window may block it)';
    default:
      return plain ? `the browser reported "${plain}"` : `the browser reported ${root?.name ?? 'an unknown error'}`;
  }
}
