/**
 * Salesforce's dateTime format (`2024-01-05T14:03:21.000+0000`, always UTC); the rest of
 * the servers' time helpers live in ../kit/clock.ts.
 */

/** A dateTime field value as the REST API writes it. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
