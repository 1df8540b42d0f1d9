/**
 * The properties Dealsight reads, by object, and the attributes they become.
 * https://knowledge.hubspot.com/properties/hubspots-default-deal-properties
 */
import { WELL_KNOWN_ATTRIBUTES as A, WELL_KNOWN_LABELS as L } from '../opportunity';
import type { AttributeColumn } from '../shared/attributes';

export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'deal_currency_code',
  'closedate',
  'createdate',
  'dealstage',
  'pipeline',
  'dealtype',
  'hs_is_closed_won',
  'hs_is_closed',
  'hs_forecast_category',
  'hs_deal_stage_probability',
  'hubspot_owner_id',
  'hs_created_by_user_id',
  'hs_analytics_source',
  'hs_lastmodifieddate',
  'hs_object_id',
] as const;

/**
 * When a deal last entered a stage: one property per stage id, learnt from the pipelines
 * (a stage entered twice keeps the later date, so the history is each stage's last entry).
 */
export function stageDateProperty(stageId: string): string {
  return `hs_v2_date_entered_${stageId}`;
}

/** The deal properties to ask for, stage dates included. */
export function dealProperties(stageIds: readonly string[]): string[] {
  return [...DEAL_PROPERTIES, ...stageIds.map(stageDateProperty)];
}

export const COMPANY_PROPERTIES = ['name', 'industry', 'numberofemployees', 'annualrevenue', 'country', 'state'] as const;
export const CONTACT_PROPERTIES = ['jobtitle'] as const;

/** The attributes a HubSpot deal carries: its primary company's facts and a buyer's title. */
export const ATTRIBUTE_COLUMNS: readonly (AttributeColumn & { company?: (typeof COMPANY_PROPERTIES)[number] })[] = [
  { key: A.industry, label: L.industry as string, kind: 'category', company: 'industry' },
  { key: A.employees, label: L.employees as string, kind: 'number', company: 'numberofemployees' },
  { key: A.revenue, label: L.revenue as string, kind: 'number', company: 'annualrevenue' },
  { key: A.country, label: L.country as string, kind: 'category', company: 'country' },
  { key: A.state, label: L.state as string, kind: 'category', company: 'state' },
  { key: A.buyerTitle, label: L.buyerTitle as string, kind: 'category' },
];
