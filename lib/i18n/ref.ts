/**
 * A message by key and parameters, for text made where the user's language is not the
 * point (the job runner, persisted job records) and shown where it is: the runner stores a
 * `MessageRef` beside its English text, and a page renders it with its own translator, so a
 * job's step, summary and error read in the language of whoever looks at them (and follow a
 * change of the browser's language). A parameter may itself be a message (a step inside an
 * error) or a list of messages (joined by ", ").
 */
import { translator, type MessageKey, type Translator } from './index';

export type MessageParam = string | number | MessageRef | readonly MessageRef[];

export interface MessageRef {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** `ref('jobs_step_win')`, `ref('jobs_error_noData', { connection: 'csv:1' })`. */
export function ref(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): MessageRef {
  return params ? { key, params } : { key };
}

/** Whether a stored value is a MessageRef (job records come from IndexedDB and messages). */
export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** The text of a message, or of a list of them (one sentence each, joined by spaces), in `tr`'s language. */
export function renderRef(value: MessageRef | readonly MessageRef[], tr: Translator): string {
  if (Array.isArray(value)) return (value as readonly MessageRef[]).map((r) => renderRef(r, tr)).join(' ');
  const r = value as MessageRef;
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(r.params ?? {})) {
    if (typeof param === 'string' || typeof param === 'number') params[name] = param;
    else if (Array.isArray(param)) params[name] = (param as readonly MessageRef[]).map((p) => renderRef(p, tr)).join(', ');
    else params[name] = renderRef(param as MessageRef, tr);
  }
  return (tr as unknown as (key: string, params: Record<string, string | number>) => string)(r.key, params);
}

const english = translator('en-US', 'en');

/** The English text of a message: what job logs, the CLI and the English fields of a job record hold. */
export function englishOf(value: MessageRef | readonly MessageRef[]): string {
  return renderRef(value, english);
}

/**
 * A job's text for display: its message rendered in `tr`'s language when it has one (and
 * that message is known here), else the stored text (older records, CRM errors, which
 * come as the CRM's connector words them).
 */
export function shownText(text: MessageRef | readonly MessageRef[] | null | undefined, fallback: string | null, tr: Translator): string | null {
  if (text === null || text === undefined) return fallback;
  const refs = Array.isArray(text) ? (text as readonly MessageRef[]) : [text as MessageRef];
  if (refs.length === 0 || !refs.every(isMessageRef)) return fallback;
  return renderRef(text, tr);
}

/** An error whose message is also a MessageRef: the runner stores both on a failed job. */
export class TextError extends Error {
  constructor(readonly text: MessageRef) {
    super(englishOf(text));
    this.name = 'TextError';
  }
}

/** The MessageRef of an error, when it has one. */
export function textOfError(error: unknown): MessageRef | null {
  return error instanceof Error && isMessageRef((error as { text?: unknown }).text) ? (error as unknown as { text: MessageRef }).text : null;
}
