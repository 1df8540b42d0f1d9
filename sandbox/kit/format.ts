/** Values as the CRMs' pages show them to an en_US user (Lightning and HubSpot agree on these). */

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** `9/30/2026`. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '';
  const [y, m, d] = iso.split('-');
  return `${Number(m)}/${Number(d)}/${y}`;
}

/** `9/30/2026, 2:05 PM` (UTC). */
export function formatDateTime(ms: number | null): string {
  if (ms === null) return '';
  const date = new Date(ms);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(date.toISOString().slice(0, 10))}, ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function formatPercent(value: number | null): string {
  return value === null ? '' : `${value}%`;
}
