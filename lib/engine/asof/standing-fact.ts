/**
 * What a factor of the snapshot says, as data: the panels word it in the user's language
 * (components/panels/standing-text.ts), `standingPhrase` in English for the CLI.
 */
export type StandingFact =
  | { kind: 'stage'; stage: string | null; step: number | null; steps: number }
  | { kind: 'daysInStage'; stage: string | null; days: number; medianDays: number | null; longerThanMostWon: boolean }
  | { kind: 'visits'; stage: string | null; visits: number }
  | { kind: 'stagesEntered'; count: number }
  | { kind: 'stepsBack'; count: number }
  /** How long its finished stages took against won deals like it: a factor as shown (one decimal below 10, whole past it); null while still in its first stage. */
  | { kind: 'pace'; ratio: number | null }
  | { kind: 'age'; days: number }
  | { kind: 'pushes'; pushes: number; days: number }
  | { kind: 'daysToClose'; days: number | null }
  | { kind: 'amountChange'; change: number | null };
