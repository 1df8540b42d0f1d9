import { describe, expect, it } from 'vitest';
import { MESSAGES, t, translator } from '../../lib/i18n';
import * as en from '../../lib/i18n/en';
import type { Dictionary, Message } from '../../lib/i18n/types';

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((m): m is string => typeof m === 'string');
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('lib/i18n dictionaries', () => {
  it('use names a _locales messages.json accepts, unique ignoring case', () => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(MESSAGES)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      const folded = key.toLowerCase();
      expect(seen.get(folded), `${key} collides with ${seen.get(folded)}`).toBeUndefined();
      seen.set(folded, key);
    }
  });

  it('prefix every key with its area, so areas never overwrite each other', () => {
    let total = 0;
    for (const [area, dictionary] of Object.entries(en as Record<string, Dictionary>)) {
      for (const key of Object.keys(dictionary)) expect(key.startsWith(`${area}_`), `${key} in area ${area}`).toBe(true);
      total += Object.keys(dictionary).length;
    }
    expect(Object.keys(MESSAGES)).toHaveLength(total);
  });

  it('give every plural message an `other` form, and no form a placeholder the others lack (besides {count})', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      if (typeof message === 'string') continue;
      expect(message.other, key).toBeTypeOf('string');
      // "Show the rejected row" / "Show the {count} rejected rows": a form may leave the count out.
      const allowed = new Set([...placeholders(message.other), 'count']);
      for (const form of forms(message)) for (const name of placeholders(form)) expect(allowed.has(name), `${key}: {${name}}`).toBe(true);
    }
  });

  it('have no empty message and no stray braces', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      for (const form of forms(message)) {
        expect(form.trim(), key).not.toBe('');
        expect(form.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('t', () => {
  it('looks up a message', () => {
    expect(t('panels_win_title')).toBe('Win Potential');
  });

  it('fills placeholders, text as given', () => {
    expect(t('panels_win_orgAverage', { rate: '40%' })).toBe('Org average 40%');
    expect(t('panels_similar_different', { label: 'Employees', value: '51–200', theirs: '1,001–5,000' })).toBe('Employees: 51–200 vs theirs 1,001–5,000');
  });

  it('chooses the plural form with Intl.PluralRules on count', () => {
    expect(t('panels_state_moreWins', { count: 1 })).toBe('1 more won deal');
    expect(t('panels_state_moreWins', { count: 8 })).toBe('8 more won deals');
    expect(t('panels_state_moreWins', { count: 0 })).toBe('0 more won deals');
    expect(t('panels_win_points', { sign: '−', count: 0.6 })).toBe('−0.6 pts');
  });

  it('writes number parameters in the translator’s locale', () => {
    expect(translator('en-US')('panels_forecast_laterThanCrm', { count: 1250 })).toBe('Predicted 1,250 days after the CRM close date.');
    expect(translator('de-DE')('panels_forecast_laterThanCrm', { count: 1250 })).toBe('Predicted 1.250 days after the CRM close date.');
    expect(translator('de-DE')('panels_win_points', { sign: '+', count: 0.5 })).toBe('+0,5 pts');
    expect(translator('fr-FR').locale).toBe('fr-FR');
  });

  it('never parses a parameter: CRM text is inserted as it is', () => {
    expect(t('panels_similar_shared', { label: '{value}', value: '<b>$&</b>' })).toBe('{value}: <b>$&</b>');
  });

  it('shows an unknown key as itself rather than nothing', () => {
    const loose = t as unknown as (key: string) => string;
    expect(loose('panels_nope')).toBe('panels_nope');
  });
});
