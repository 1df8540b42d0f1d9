import { describe, expect, it } from 'vitest';
import { isCheckboxColumn, parseBoolean } from '../../lib/crm/csv/booleans';
import { classifyStage, resolveOutcome } from '../../lib/crm/csv/outcome';

describe('parseBoolean', () => {
  it('reads the usual spellings', () => {
    const read = (raw: string) => {
      const r = parseBoolean(raw);
      return r.ok ? r.value : r.reason;
    };
    expect(['true', 'Yes', 'y', '1', 'X', 'TRUE'].map(read)).toEqual([true, true, true, true, true, true]);
    expect(['false', 'No', 'n', '0', 'F'].map(read)).toEqual([false, false, false, false, false]);
    expect(read('maybe')).toBe('"maybe" is not yes/no');
  });

  it('reads won/lost only in an outcome column', () => {
    expect(parseBoolean('Lost')).toEqual({ ok: false, reason: '"Lost" is not yes/no' });
    expect(parseBoolean('Lost', { outcome: true })).toEqual({ ok: true, value: false });
    expect(parseBoolean('Closed - Won', { outcome: true })).toEqual({ ok: true, value: true });
    expect(parseBoolean('maybe', { outcome: true })).toEqual({ ok: false, reason: '"maybe" is not won/lost or yes/no' });
  });

  it('recognizes a checkbox column', () => {
    expect(isCheckboxColumn(['x', 'X'])).toBe(true);
    expect(isCheckboxColumn(['x', 'no'])).toBe(false);
    expect(isCheckboxColumn([])).toBe(false);
  });
});

describe('classifyStage', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['Won', 'won'],
    ['Win', 'won'],
    ['Closed - Won', 'won'],
    ['Closed/Won', 'won'],
    ['Closed won', 'won'],
    ['Closed Won - Signed', 'won'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['Lost', 'lost'],
    ['Loss', 'lost'],
    ['Closed - No Decision', 'lost'],
    ['Closed', 'closed'],
    ['Negotiation/Review', 'open'],
    ['Win-back campaign', 'open'],
    ['Prospecting', 'open'],
  ])('%s → %s', (label, expected) => {
    expect(classifyStage(label)).toBe(expected);
  });
});

describe('resolveOutcome', () => {
  const won = (raw: string) => ({ label: 'Won', raw });
  const closed = (raw: string) => ({ label: 'Closed', raw });
  const stage = (raw: string) => ({ label: 'Stage', raw });
  const outcome = (isClosed: boolean, isWon: boolean) => ({ ok: true, value: { isClosed, isWon } });

  it('takes Won and Closed flags as they are', () => {
    expect(resolveOutcome({ won: won('1'), closed: closed('1'), stage: stage('Anything') })).toEqual(outcome(true, true));
    expect(resolveOutcome({ won: won('0'), closed: closed('1') })).toEqual(outcome(true, false));
    expect(resolveOutcome({ won: won('0'), closed: closed('0'), stage: stage('Qualification') })).toEqual(outcome(false, false));
  });

  it('rejects flags that contradict each other or the stage', () => {
    expect(resolveOutcome({ won: won('1'), closed: closed('0') })).toEqual({ ok: false, reason: 'Won "1" contradicts Closed "0"' });
    expect(resolveOutcome({ closed: closed('no'), stage: stage('Closed Won') })).toEqual({ ok: false, reason: 'Stage "Closed Won" contradicts Closed "no"' });
    expect(resolveOutcome({ won: won('no'), stage: stage('Closed Won') })).toEqual({ ok: false, reason: 'Stage "Closed Won" contradicts Won "no"' });
  });

  it('reads Closed with the stage: a closed deal whose stage is not won is lost', () => {
    expect(resolveOutcome({ closed: closed('true'), stage: stage('Closed won') })).toEqual(outcome(true, true));
    expect(resolveOutcome({ closed: closed('true'), stage: stage('Negotiation') })).toEqual(outcome(true, false));
    expect(resolveOutcome({ closed: closed('true') })).toEqual({ ok: false, reason: 'Closed is "true" but no column says whether the deal was won or lost' });
  });

  it('reads a Won column without a Closed column: closed when won or when the stage says closed', () => {
    expect(resolveOutcome({ won: won('yes'), stage: stage('Negotiation') })).toEqual(outcome(true, true));
    expect(resolveOutcome({ won: won('no'), stage: stage('Closed Lost') })).toEqual(outcome(true, false));
    expect(resolveOutcome({ won: won('no'), stage: stage('Negotiation') })).toEqual(outcome(false, false));
    expect(resolveOutcome({ won: won('no') })).toEqual(outcome(false, false));
    expect(resolveOutcome({ won: { label: 'Outcome', raw: 'Lost' } })).toEqual(outcome(true, false));
    expect(resolveOutcome({ won: won('maybe') })).toEqual({ ok: false, reason: 'Won "maybe" is not won/lost or yes/no' });
  });

  it('reads the stage alone', () => {
    expect(resolveOutcome({ stage: stage('Closed Won') })).toEqual(outcome(true, true));
    expect(resolveOutcome({ stage: stage('Lost') })).toEqual(outcome(true, false));
    expect(resolveOutcome({ stage: stage('Engaging') })).toEqual(outcome(false, false));
    expect(resolveOutcome({ stage: stage('') })).toEqual({ ok: false, reason: 'Stage is empty, so the outcome is unknown' });
    expect(resolveOutcome({ stage: stage('Closed') })).toEqual({ ok: false, reason: 'Stage "Closed" does not say whether the deal was won or lost' });
  });
});
