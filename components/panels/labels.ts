/**
 * Field labels and values as the panels show them. The engine describes fields in its own
 * words: a sandbox attribute's label is its key ("buyerTitle"), standard fields have
 * English labels ("Lead source"), and numbers are written en-US ("114,800"). Here labels of
 * fields Dealsight knows come from the dictionary, and a value that is a plain number is
 * rewritten for the user's locale (money for the amount). Labels from the CRM itself (a CSV
 * header, a Salesforce field label) are shown as they are.
 */
import type { PlainMessageKey } from '../../lib/i18n';
import type { LocaleTools } from '../ui/locale';

const FIELD_LABELS: Record<string, PlainMessageKey> = {
  amount: 'panels_field_amount',
  type: 'panels_field_type',
  leadSource: 'panels_field_leadSource',
  territory: 'panels_field_territory',
  owner: 'panels_field_owner',
  ownerManager: 'panels_field_ownerManager',
  createdMonth: 'panels_field_createdMonth',
};

const ATTRIBUTE_LABELS: Record<string, PlainMessageKey> = {
  industry: 'panels_field_industry',
  employees: 'panels_field_employees',
  revenue: 'panels_field_revenue',
  country: 'panels_field_country',
  state: 'panels_field_state',
  product: 'panels_field_product',
  buyerTitle: 'panels_field_buyerTitle',
  buyerRole: 'panels_field_buyerRole',
};

/** The label to show for a feature (`leadSource`, `attr:industry`) or persona attribute key (`industry`). */
export function fieldLabel(tools: LocaleTools, key: string, label: string): string {
  const standard = FIELD_LABELS[key];
  if (standard) return tools.t(standard);
  const bare = key.startsWith('attr:') ? key.slice('attr:'.length) : key;
  const known = ATTRIBUTE_LABELS[bare];
  // Only replace a label that is the bare key: a CRM's own label is the user's wording.
  if (known && label === bare) return tools.t(known);
  return label;
}

const TYPE_LABELS: Record<string, PlainMessageKey> = {
  'new customer': 'panels_type_newCustomer',
  upsell: 'panels_type_upsell',
  'cross-sell': 'panels_type_crossSell',
  renewal: 'panels_type_renewal',
  downgrade: 'panels_type_downgrade',
};

/** An opportunity type as people read it: the standard types from the dictionary, an org's own as written. */
export function typeLabel(tools: LocaleTools, type: string): string {
  const key = TYPE_LABELS[type];
  return key ? tools.t(key) : type;
}

const EN_NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A value as text: a plain en-US number is rewritten for the locale (as money for the amount), a standard type named; other text stays. */
export function fieldValue(tools: LocaleTools, key: string, value: string, currency: string | null = null): string {
  if (key === 'type') return typeLabel(tools, value);
  const text = value.trim();
  if (!EN_NUMBER.test(text)) return value;
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(n)) return value;
  if (key === 'amount') return tools.money(n, currency);
  return tools.number(n, 2);
}
