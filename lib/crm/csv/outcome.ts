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

/**
 * Classifies a stage label. Salesforce semantics: a closed stage that is not the won
 * stage is lost, so "Closed - No Decision" is lost; a bare "Closed" says nothing about
 * the result ('closed'). Every other label is an open stage of the org's own process.
 */
export function classifyStage(label: string): StageOutcome {
  const n = normalizeLabel(label);
  if (WON_WORDS.has(n) || n.startsWith('closed won ') || n.startsWith('closedwon ')) return 'won';
  if (LOST_WORDS.has(n) || n.startsWith('closed lost ') || n.startsWith('closedlost ')) return 'lost';
  if (n === 'closed') return 'closed';
  if (n.startsWith('closed ')) return 'lost';
  return 'open';
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

export function resolveOutcome(cells: OutcomeCells): Reading<Outcome> {
  const won = cells.won === undefined ? null : readWon(cells.won);
  if (won !== null && !won.ok) return won;
  const closed = cells.closed === undefined || isEmptyCell(cells.closed.raw) ? null : parseBoolean(cells.closed.raw);
  if (closed !== null && !closed.ok) return fail(`${cells.closed?.label} ${closed.reason}`);
  const stage = cells.stage === undefined || cells.stage.raw.trim() === '' ? null : classifyStage(cells.stage.raw);
  if (closed !== null && cells.closed !== undefined) return fromClosedFlag(closed.value, cells.closed, won?.value ?? null, stage, cells);
  if (won !== null) return fromWonFlag(won.value, stage, cells);
  return fromStage(stage, cells);
}

function readWon(cell: OutcomeCell): Reading<WonFlag> {
  if (isEmptyCell(cell.raw)) return ok('not won');
  const reading = parseBoolean(cell.raw, { outcome: true });
  if (!reading.ok) return fail(`${cell.label} ${reading.reason}`);
  if (reading.value) return ok('won');
  return ok(LOST_WORDS.has(normalizeLabel(cell.raw)) ? 'lost' : 'not won');
}

function fromClosedFlag(closed: boolean, closedCell: OutcomeCell, won: WonFlag | null, stage: StageOutcome | null, cells: OutcomeCells): Reading<Outcome> {
  if (!closed) {
    if (won === 'won' || won === 'lost') return conflict(cells.won, closedCell);
    if (stage !== null && stage !== 'open') return conflict(cells.stage, closedCell);
    return ok(OPEN);
  }
  if (won !== null) return ok(won === 'won' ? WON : LOST);
  if (stage === null) return fail(`${closedCell.label} is ${quoteValue(closedCell.raw.trim())} but no column says whether the deal was won or lost`);
  return ok(stage === 'won' ? WON : LOST);
}

function fromWonFlag(won: WonFlag, stage: StageOutcome | null, cells: OutcomeCells): Reading<Outcome> {
  if (won === 'won') return stage === 'lost' ? conflict(cells.stage, cells.won) : ok(WON);
  if (won === 'lost') return stage === 'won' ? conflict(cells.stage, cells.won) : ok(LOST);
  // Not won: closed only when the stage says so (a Won column alone cannot tell lost from open).
  if (stage === 'won') return conflict(cells.stage, cells.won);
  return ok(stage === 'lost' || stage === 'closed' ? LOST : OPEN);
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
