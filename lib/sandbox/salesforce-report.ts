import { STANDARD_OPPORTUNITY_TYPES, type Opportunity, type StandardOpportunityType } from '../crm/opportunity';
import { usDate } from './calendar';
import { SALESFORCE_TYPE_LABELS } from './stages';
import type { SandboxOrg } from './types';

/**
 * Writes the sandbox as a Salesforce "Opportunities with Accounts" report exported as
 * "Details Only" CSV from a US-locale org: one header row, every field quoted, dates as
 * M/D/YYYY, currency amounts as plain numbers with two decimals, checkboxes as 1/0.
 * The CSV importer maps these headers back onto the same `Opportunity` fields.
 */

export const SALESFORCE_REPORT_HEADER = [
  'Opportunity ID',
  'Opportunity Name',
  'Account ID',
  'Account Name',
  'Type',
  'Lead Source',
  'Amount',
  'Amount Currency',
  'Stage',
  'Probability (%)',
  'Forecast Category',
  'Created Date',
  'Close Date',
  'Last Stage Change Date',
  'Opportunity Owner',
  'Owner Manager',
  'Created By',
  'Territory',
  'Industry',
  'Employees',
  'Annual Revenue',
  'Billing Country',
  'Billing State/Province',
  'Product Name',
  'Primary Contact Title',
  'Contact Role',
  'Won',
  'Closed',
] as const;

export function toSalesforceReportCsv(org: SandboxOrg): string {
  const lines = new Array<string>(org.opportunities.length + 1);
  lines[0] = quotedLine(SALESFORCE_REPORT_HEADER);
  org.opportunities.forEach((opportunity, i) => {
    lines[i + 1] = quotedLine(salesforceReportRow(opportunity));
  });
  return lines.join('\r\n') + '\r\n';
}

/** One report row, as the cells' text in header order; an empty field is "". */
export function salesforceReportRow(o: Opportunity): string[] {
  const a = o.attributes;
  return [
    o.id,
    o.name,
    o.account?.id ?? '',
    o.account?.name ?? '',
    typeLabel(o.type),
    o.leadSource ?? '',
    money(o.amount),
    o.currency ?? '',
    o.stage ?? '',
    o.probability === null ? '' : String(Math.round(o.probability * 100)),
    o.forecastCategory ?? '',
    date(o.createdDate),
    date(o.closeDate),
    date(o.stageEnteredDate),
    o.owner?.name ?? '',
    o.ownerManager?.name ?? '',
    o.createdBy?.name ?? '',
    o.territory ?? '',
    text(a['industry']),
    typeof a['employees'] === 'number' ? String(Math.round(a['employees'])) : '',
    typeof a['revenue'] === 'number' ? money(a['revenue']) : '',
    text(a['country']),
    text(a['state']),
    text(a['product']),
    text(a['buyerTitle']),
    text(a['buyerRole']),
    o.isWon ? '1' : '0',
    o.isClosed ? '1' : '0',
  ];
}

function typeLabel(type: string | null): string {
  if (type === null) return '';
  return (STANDARD_OPPORTUNITY_TYPES as readonly string[]).includes(type) ? SALESFORCE_TYPE_LABELS[type as StandardOpportunityType] : type;
}

function money(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : value.toFixed(2);
}

function date(value: string | null): string {
  return value === null ? '' : usDate(value);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Salesforce quotes every field, unlike lib/crm/csv's `toCsv`, which quotes only where
 * RFC 4180 requires it; a quote inside a field is doubled either way.
 */
function quotedLine(cells: readonly string[]): string {
  return cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
}
