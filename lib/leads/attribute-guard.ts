/**
 * Which persona values may go into a lead search, and why the others may not (issue 14,
 * "lead searches carry attributes, never people"). The privacy guard (lib/leads/privacy.ts)
 * stops contact data it can recognise (emails, phone numbers, long text); names it cannot
 * recognise, so each kind of value must look like what it claims to be instead:
 * - the field: one whose name speaks of a person ("Champion Name", "Contact Email",
 *   "Primary Contact") gives nothing at all, whatever its values look like;
 * - titles: a role, function or level word (lib/leads/known-titles.ts);
 * - industries: a name from the lead tool's or the CRMs' lists (lib/leads/known-industries.ts);
 * - countries and states: ISO and region lists (lib/leads/known-places.ts).
 * What is left out is reported, so the Find leads dialog can say what and why.
 */
import { looksLikeEmail, looksLikePhoneNumber, MAX_VALUE_LENGTH } from './privacy';
import { isKnownIndustry } from './known-industries';
import { isKnownCountry, isKnownRegion } from './known-places';
import { looksLikeTitle } from './known-titles';

export type ScreenedKind = 'title' | 'industry' | 'country' | 'region';

export type DropReason = 'person-field' | 'contact-data' | 'too-long' | 'not-a-title' | 'not-an-industry' | 'not-a-country' | 'not-a-region';

export interface DroppedValue {
  /** The persona attribute's key and label ("buyerTitle", "Contact Title"). */
  key: string;
  label: string;
  /** The value as the user would recognise it, cut to `SHOWN_LENGTH` characters; null for a whole field left out. */
  value: string | null;
  reason: DropReason;
}

/** How much of a dropped value the dialog shows: enough to recognise it, never a wall of text. */
export const SHOWN_LENGTH = 40;

/** Words that make a field a person's, not an attribute of the buying company or role. */
const PERSON_WORDS = /\b(names?|champions?|e ?mails?|contacts?|phones?|mobiles?|persons?|people|signatory|signer)\b/i;
/**
 * The exceptions: the standard columns that name the buyer's title or role after the
 * contact it is read from ("Primary Contact Title" in Salesforce's opportunity report
 * export, "Contact Title" and "Contact Role" among the importer's aliases:
 * lib/crm/csv/formats.ts). Their values still have to look like titles.
 */
const CONTACT_ROLE_FIELD = /^(primary )?contact (title|role|job title)$/i;

/** "championName", "Champion_Name" and "Champion Name" all read as "champion name". */
function fieldWords(label: string): string {
  return label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_./-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a field's name says it holds a person's details. */
export function isPersonField(label: string): boolean {
  const words = fieldWords(label);
  return PERSON_WORDS.test(words) && !CONTACT_ROLE_FIELD.test(words);
}

const CHECKS: Record<ScreenedKind, { ok: (value: string) => boolean; reason: DropReason }> = {
  title: { ok: looksLikeTitle, reason: 'not-a-title' },
  industry: { ok: isKnownIndustry, reason: 'not-an-industry' },
  country: { ok: isKnownCountry, reason: 'not-a-country' },
  region: { ok: isKnownRegion, reason: 'not-a-region' },
};

function shown(value: string): string {
  return value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH - 1)}…` : value;
}

/**
 * A field's values screened for a lead search: those kept (trimmed, case-insensitively
 * distinct, in their first order) and those dropped with the reason.
 */
export function screenValues(
  kind: ScreenedKind,
  field: { key: string; label: string },
  values: readonly unknown[],
): { kept: string[]; dropped: DroppedValue[] } {
  const { key, label } = field;
  if (isPersonField(label)) return { kept: [], dropped: [{ key, label, value: null, reason: 'person-field' }] };
  const seen = new Set<string>();
  const kept: string[] = [];
  const dropped: DroppedValue[] = [];
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const value = raw.replace(/\s+/g, ' ').trim();
    const folded = value.toLowerCase();
    if (value === '' || seen.has(folded)) continue;
    seen.add(folded);
    // Contact data is named as such but never shown again, not even cut.
    if (looksLikeEmail(value) || looksLikePhoneNumber(value)) dropped.push({ key, label, value: null, reason: 'contact-data' });
    else if (value.length > MAX_VALUE_LENGTH) dropped.push({ key, label, value: shown(value), reason: 'too-long' });
    else if (!CHECKS[kind].ok(value)) dropped.push({ key, label, value: shown(value), reason: CHECKS[kind].reason });
    else kept.push(value);
  }
  return { kept, dropped };
}
