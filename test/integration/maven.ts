/**
 * Joins the four tables of the Maven Analytics CRM data set (../shared/data/maven-crm)
 * into one opportunity CSV, as a rep would export it from a CRM report: each deal with
 * its account's sector, size and location, its product's series and list price, and its
 * agent's manager and regional office. The files are read in place, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../lib/crm/csv/parse';
import { toCsv } from '../../lib/crm/csv/write';

export const MAVEN_DIR = fileURLToPath(new URL('../../../shared/data/maven-crm/', import.meta.url));
export const mavenAvailable = existsSync(`${MAVEN_DIR}sales_pipeline.csv`);

function table(name: string): Array<Record<string, string>> {
  const parsed = parseCsv(readFileSync(`${MAVEN_DIR}${name}`, 'utf8'));
  return parsed.rows.map((row) => Object.fromEntries(parsed.header.map((h, i) => [h, row.fields[i] ?? ''])));
}

/** Product names differ between tables ("GTXPro" in the pipeline, "GTX Pro" in products). */
const productKey = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

export function joinedMavenCsv(): string {
  const accounts = new Map(table('accounts.csv').map((a) => [a.account, a]));
  const products = new Map(table('products.csv').map((p) => [productKey(p.product ?? ''), p]));
  const teams = new Map(table('sales_teams.csv').map((t) => [t.sales_agent, t]));
  const header = [
    'opportunity_id',
    'sales_agent',
    'manager',
    'regional_office',
    'product',
    'series',
    'sales_price',
    'account',
    'sector',
    'year_established',
    'revenue',
    'employees',
    'office_location',
    'subsidiary_of',
    'deal_stage',
    'engage_date',
    'close_date',
    'close_value',
  ];
  const rows = table('sales_pipeline.csv').map((deal) => {
    const account = accounts.get(deal.account ?? '');
    const product = products.get(productKey(deal.product ?? ''));
    const team = teams.get(deal.sales_agent ?? '');
    return [
      deal.opportunity_id ?? '',
      deal.sales_agent ?? '',
      team?.manager ?? '',
      team?.regional_office ?? '',
      deal.product ?? '',
      product?.series ?? '',
      product?.sales_price ?? '',
      deal.account ?? '',
      account?.sector ?? '',
      account?.year_established ?? '',
      account?.revenue ?? '',
      account?.employees ?? '',
      account?.office_location ?? '',
      account?.subsidiary_of ?? '',
      deal.deal_stage ?? '',
      deal.engage_date ?? '',
      deal.close_date ?? '',
      deal.close_value ?? '',
    ];
  });
  return toCsv(header, rows);
}
