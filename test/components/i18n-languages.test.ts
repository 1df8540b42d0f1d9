/**
 * Every language is complete (issue 17, item 3): each English area has a German one with
 * exactly its keys, the same placeholders in every form, and the plural forms German's
 * Intl.PluralRules chooses from. The language follows the browser's UI language.
 */
import { describe, expect, it } from 'vitest';
import { languageOf, LANGUAGES, messagesOf, translator } from '../../lib/i18n';
import * as de from '../../lib/i18n/de';
import * as en from '../../lib/i18n/en';
import type { Dictionary, Message } from '../../lib/i18n/types';

const AREAS = { en: en as Record<string, Dictionary>, de: de as Record<string, Dictionary> };

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((m): m is string => typeof m === 'string');
const placeholders = (message: Message): string[] =>
  [...new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)))].sort();

/** What differs between two languages' dictionaries: missing and extra keys, and placeholders that do not match. */
export function languageDifferences(reference: Record<string, Dictionary>, other: Record<string, Dictionary>): string[] {
  const out: string[] = [];
  for (const area of new Set([...Object.keys(reference), ...Object.keys(other)])) {
    const a = reference[area];
    const b = other[area];
    if (!a || !b) {
      out.push(`area ${area}: only in ${a ? 'the reference' : 'the other language'}`);
      continue;
    }
    for (const key of Object.keys(a)) if (!(key in b)) out.push(`${key}: missing`);
    for (const key of Object.keys(b)) if (!(key in a)) out.push(`${key}: not in the reference`);
    for (const [key, message] of Object.entries(a)) {
      const translated = b[key];
      if (translated === undefined) continue;
      if (typeof message !== typeof translated) out.push(`${key}: plural in one language only`);
      // A plural form may leave {count} out ("Show the rejected row"); any other placeholder must match.
      const mine = placeholders(message).filter((p) => typeof message === 'string' || p !== 'count');
      const theirs = placeholders(translated).filter((p) => typeof translated === 'string' || p !== 'count');
      if (mine.join() !== theirs.join()) out.push(`${key}: {${mine.join('}, {')}} vs {${theirs.join('}, {')}}`);
    }
  }
  return out;
}

describe('the German dictionaries', () => {
  it('have every English area and key, nothing more, with the same placeholders', () => {
    expect(Object.keys(AREAS.de).sort()).toEqual(Object.keys(AREAS.en).sort());
    expect(languageDifferences(AREAS.en, AREAS.de)).toEqual([]);
  });

  it('would catch a missing key, an extra key and a changed placeholder', () => {
    const broken: Record<string, Dictionary> = {
      ...AREAS.de,
      panels: { ...Object.fromEntries(Object.entries(AREAS.de.panels!).filter(([k]) => k !== 'panels_win_title')), panels_win_extra: 'x' },
      popup: { ...AREAS.de.popup, popup_countFiltered: '{shown} von {total} offenen Deals' },
    };
    expect(languageDifferences(AREAS.en, broken)).toEqual([
      'panels_win_title: missing',
      'panels_win_extra: not in the reference',
      'popup_countFiltered: {count}, {shown} vs {shown}, {total}',
    ]);
  });

  it('give each plural message the forms German uses (one, other) and no stray braces', () => {
    const categories = new Intl.PluralRules('de').resolvedOptions().pluralCategories;
    for (const dictionary of Object.values(AREAS.de)) {
      for (const [key, message] of Object.entries(dictionary)) {
        if (typeof message !== 'string') for (const form of categories) expect(message[form], `${key}.${form}`).toBeTypeOf('string');
        for (const form of forms(message)) {
          expect(form.trim(), key).not.toBe('');
          expect(form.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('are German, not English copied over: most messages differ from their English', () => {
    const english = messagesOf('en');
    const german = Object.entries(messagesOf('de'));
    const same = german.filter(([key, message]) => JSON.stringify(message) === JSON.stringify(english[key]));
    // Brand and product names, "{label}: {value}", "Deal", "Team" and a few others read the same.
    expect(same.length / german.length).toBeLessThan(0.1);
  });
});

describe('the message language', () => {
  it('is German for any de locale and English for every other', () => {
    expect(LANGUAGES).toEqual(['en', 'de']);
    for (const locale of ['de', 'de-DE', 'de-AT', 'de-CH', 'de_DE', 'DE-de']) expect(languageOf(locale), locale).toBe('de');
    for (const locale of ['en', 'en-US', 'en-GB', 'fr-FR', 'nl', 'dea', 'es-DE', undefined]) expect(languageOf(locale), String(locale)).toBe('en');
  });

  it('writes messages, plural forms and numbers in German', () => {
    const t = translator('de-DE', 'de');
    expect(t('panels_win_title')).toBe('Gewinnchance');
    expect(t('panels_state_moreWins', { count: 1 })).toBe('1 weiterer gewonnener Deal');
    expect(t('panels_state_moreWins', { count: 8 })).toBe('8 weitere gewonnene Deals');
    expect(t('panels_forecast_laterThanCrm', { count: 1250 })).toBe('Prognose 1.250 Tage nach dem CRM-Abschlussdatum.');
    expect(t('panels_win_points', { sign: '+', count: 0.5 })).toBe('+0,5 Pkt.');
  });

  it('keeps English where the test setup chose it, whatever the number locale', () => {
    expect(translator('de-DE')('panels_win_title')).toBe('Win Potential');
  });
});
