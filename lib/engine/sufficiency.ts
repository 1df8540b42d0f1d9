/**
 * The minimum data for a win model, and the message when it is not there.
 *
 * Rule: at least 20 won and 20 lost closed deals. Why 20/20 and not the 200/200 that
 * large vendors ask for: the model is a forest with native categorical splits and
 * two-parameter Platt calibration on out-of-bag votes, which has little to overfit; the
 * learning-curve test on the real Salvirt data (test/engine/sufficiency.test.ts) shows
 * models trained on 20 wins + 20 losses already rank held-out deals clearly better than
 * chance, and the panel shows the band, not false precision. Below 20 of either
 * outcome, the out-of-bag calibration has too few cases of one class to be trusted
 * (Hanley–McNeil standard error of AUC ≈ 0.1 at 20/20 already).
 */
export const MIN_WINS = 20;
export const MIN_LOSSES = 20;

export interface Sufficiency {
  enough: boolean;
  wins: number;
  losses: number;
  winsNeeded: number;
  lossesNeeded: number;
  /** A sentence for people: what is missing, or that there is enough. */
  message: string;
}

export function checkSufficiency(wins: number, losses: number): Sufficiency {
  const winsNeeded = Math.max(0, MIN_WINS - wins);
  const lossesNeeded = Math.max(0, MIN_LOSSES - losses);
  const enough = winsNeeded === 0 && lossesNeeded === 0;
  const parts: string[] = [];
  if (winsNeeded > 0) parts.push(`${winsNeeded} more won deal${winsNeeded === 1 ? '' : 's'}`);
  if (lossesNeeded > 0) parts.push(`${lossesNeeded} more lost deal${lossesNeeded === 1 ? '' : 's'}`);
  const message = enough
    ? `Enough closed deals to train: ${wins} won and ${losses} lost.`
    : `Not enough closed deals to predict wins yet: ${wins} won and ${losses} lost so far; ${parts.join(' and ')} needed (at least ${MIN_WINS} of each).`;
  return { enough, wins, losses, winsNeeded, lossesNeeded, message };
}

/** Thrown by training when the data is below the minimum; carries the numbers for the UI. */
export class InsufficientDataError extends Error {
  readonly sufficiency: Sufficiency;
  /** `message` overrides the sufficiency's own sentence where the caller knows more (which part of the data). */
  constructor(sufficiency: Sufficiency, message = sufficiency.message) {
    super(message);
    this.name = 'InsufficientDataError';
    this.sufficiency = sufficiency;
  }
}
