/**
 * Won, lost or open, from whatever the file has: Won/Closed flags (Salesforce "Won" and
 * "Closed", HubSpot "Is Closed Won" and "Is closed", a generic "Outcome") and the stage.
 * Where they contradict each other the row is rejected rather than guessed: a wrong
 * outcome teaches the win model the wrong lesson.
 */
import { normalizeLabel } from '../opportunity';
import { LOST_WORDS, parseBoolean, WON_WORDS } from './booleans';
import { quoteValue } from './excerpt';
import { fail, isEmptyCell, ok, type Reading } from './reading';

export type StageOutcome = 'won' | 'lost' | 'open' | 'closed';

/** What a user may say a stage is (the options page's stage map, the CLI's `--stages`). */
export type StageChoice = 'won' | 'lost' | 'open';

/** Chosen outcomes by `normalizeLabel` of the stage, so "dead" chooses for "Dead". */
export type StageChoices = ReadonlyMap<string, StageChoice>;

/**
 * How a stage's outcome was decided: its name is a won or lost label ('label'; an open
 * stage of the org's own process is 'label' too), a word in it says the deal ended badly
 * ('proposed': the user is asked to confirm), or the user chose it ('chosen').
 */
export type StageBasis = 'label' | 'proposed' | 'chosen';

export interface StageReading {
  outcome: StageOutcome;
  basis: StageBasis;
  /** The word a proposal rests on ("dead"). */
  word?: string;
}

/**
 * Words that, anywhere in a stage's name, say the deal ended without a sale: "Lost
 * (duplicate)", "Dead", "Disqualified", "Closed - Cancelled". Read as open, such deals
 * would be scored as live pipeline (issue 14); read as lost, they are proposed, not assumed.
 */
const LOST_HINTS: ReadonlySet<string> = new Set([
  'lost',
  'loss',
  'dead',
  'disqualified',
  'unqualified',
  'cancelled',
  'canceled',
  'cancellation',
  'rejected',
  'declined',
  'duplicate',
  'abandoned',
  'withdrawn',
]);
const LOST_PHRASES: readonly string[] = ['no decision', 'no go', 'no bid', 'not qualified', 'not interested', 'no budget'];

/**
 * Classifies a stage label. Salesforce semantics: a closed stage that is not the won
 * stage is lost, so "Closed - No Decision" is lost; a bare "Closed" says nothing about
 * the result ('closed'). A label with a lost word in it is proposed as lost; every other
 * label is an open stage of the org's own process.
 */
export function classifyStage(label: string): StageOutcome {
  return readStage(label).outcome;
}

/** A stage's outcome and how it was decided; `choices` (the user's) win over the name. */
export function readStage(label: string, choices?: StageChoices): StageReading {
  const n = normalizeLabel(label);
  const chosen = choices?.get(n);
  if (chosen !== undefined) return { outcome: chosen, basis: 'chosen' };
  if (WON_WORDS.has(n) || n.startsWith('closed won ') || n.startsWith('closedwon ')) return { outcome: 'won', basis: 'label' };
  if (LOST_WORDS.has(n) || n.startsWith('closed lost ') || n.startsWith('closedlost ')) return { outcome: 'lost', basis: 'label' };
  if (n === 'closed') return { outcome: 'closed', basis: 'label' };
  if (n.startsWith('closed ')) return { outcome: 'lost', basis: 'label' };
  const word = lostHint(n);
  if (word !== null) return { outcome: 'lost', basis: 'proposed', word };
  return { outcome: 'open', basis: 'label' };
}

function lostHint(normalized: string): string | null {
  for (const word of normalized.split(' ')) if (LOST_HINTS.has(word)) return word;
  const padded = ` ${normalized} `;
  return LOST_PHRASES.find((phrase) => padded.includes(` ${phrase} `)) ?? null;
}

/** One outcome cell with its column's header, for messages. */
export interface OutcomeCell {
  label: string;
  raw: string;
}

export interface OutcomeCells {
  won?: OutcomeCell;
  closed?: OutcomeCell;
  stage?: OutcomeCell;
}

export interface Outcome {
  isClosed: boolean;
  isWon: boolean;
}

const OPEN: Outcome = { isClosed: false, isWon: false };
const WON: Outcome = { isClosed: true, isWon: true };
const LOST: Outcome = { isClosed: true, isWon: false };

/** What a Won/outcome cell says: 'lost' only from a lost word, 'not won' from false/no/empty. */
type WonFlag = 'won' | 'lost' | 'not won';

export function resolveOutcome(cells: OutcomeCells, choices?: StageChoices): Reading<Outcome> {
  const won = cells.won === undefined ? null : readWon(cells.won);
  if (won !== null && !won.ok) return won;
  const closed = cells.closed === undefined || isEmptyCell(cells.closed.raw) ? null : parseBoolean(cells.closed.raw);
  if (closed !== null && !closed.ok) return fail(`${cells.closed?.label} ${closed.reason}`);
  const stage = cells.stage === undefined || cells.stage.raw.trim() === '' ? null : readStage(cells.stage.raw, choices);
  if (closed !== null && cells.closed !== undefined) return fromClosedFlag(closed.value, cells.closed, won?.value ?? null, stage, cells);
  if (won !== null) return fromWonFlag(won.value, stage, cells);
  return fromStage(stage?.outcome ?? null, cells);
}

function readWon(cell: OutcomeCell): Reading<WonFlag> {
  if (isEmptyCell(cell.raw)) return ok('not won');
  const reading = parseBoolean(cell.raw, { outcome: true });
  if (!reading.ok) return fail(`${cell.label} ${reading.reason}`);
  if (reading.value) return ok('won');
  return ok(LOST_WORDS.has(normalizeLabel(cell.raw)) ? 'lost' : 'not won');
}

/** A proposal gives way to a flag that says otherwise: the file's own yes/no is the better witness. */
const proposed = (stage: StageReading | null): boolean => stage?.basis === 'proposed';

function fromClosedFlag(closed: boolean, closedCell: OutcomeCell, won: WonFlag | null, stage: StageReading | null, cells: OutcomeCells): Reading<Outcome> {
  if (!closed) {
    if (won === 'won' || won === 'lost') return conflict(cells.won, closedCell);
    if (stage !== null && stage.outcome !== 'open' && !proposed(stage)) return conflict(cells.stage, closedCell);
    return ok(OPEN);
  }
  if (won !== null) return ok(won === 'won' ? WON : LOST);
  if (stage === null) return fail(`${closedCell.label} is ${quoteValue(closedCell.raw.trim())} but no column says whether the deal was won or lost`);
  return ok(stage.outcome === 'won' ? WON : LOST);
}

function fromWonFlag(won: WonFlag, stage: StageReading | null, cells: OutcomeCells): Reading<Outcome> {
  const outcome = stage?.outcome ?? null;
  if (won === 'won') return outcome === 'lost' && !proposed(stage) ? conflict(cells.stage, cells.won) : ok(WON);
  if (won === 'lost') return outcome === 'won' ? conflict(cells.stage, cells.won) : ok(LOST);
  // Not won: closed only when the stage says so (a Won column alone cannot tell lost from open).
  if (outcome === 'won') return conflict(cells.stage, cells.won);
  return ok(outcome === 'lost' || outcome === 'closed' ? LOST : OPEN);
}

function fromStage(stage: StageOutcome | null, cells: OutcomeCells): Reading<Outcome> {
  const cell = cells.stage;
  if (cell === undefined) return fail('no column gives the outcome');
  if (stage === null) return fail(`${cell.label} is empty, so the outcome is unknown`);
  if (stage === 'closed') return fail(`${cell.label} ${quoteValue(cell.raw.trim())} does not say whether the deal was won or lost`);
  return ok(stage === 'won' ? WON : stage === 'lost' ? LOST : OPEN);
}

function conflict(a: OutcomeCell | undefined, b: OutcomeCell | undefined): Reading<Outcome> {
  return fail(`${a?.label} ${quoteValue(a?.raw.trim() ?? '')} contradicts ${b?.label} ${quoteValue(b?.raw.trim() ?? '')}`);
}
