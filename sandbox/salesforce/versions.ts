/**
 * REST API versions. Salesforce ships three releases a year and one API version with each:
 * Winter '11 was 20.0, then Spring, Summer, Winter, … (62.0 is Winter '25).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm
 */

/** The oldest version the server lists: real orgs retired 30.0 and earlier. */
export const OLDEST_VERSION = 31;
const FIRST_VERSION = 20;
const FIRST_YEAR = 2011;
const SEASONS = ['Winter', 'Spring', 'Summer'] as const;

export function parseApiVersion(text: string): number | null {
  const match = /^(\d{2,3})\.0$/.exec(text);
  return match === null ? null : Number(match[1]);
}

/** "Winter '25" for 62. */
export function releaseLabel(version: number): string {
  const index = version - FIRST_VERSION;
  const season = SEASONS[((index % 3) + 3) % 3] as string;
  const year = FIRST_YEAR + Math.floor(index / 3);
  return `${season} '${String(year % 100).padStart(2, '0')}`;
}

/** The body of GET /services/data/: every version up to `latest`, oldest first. */
export function versionsBody(latest: number): { label: string; url: string; version: string }[] {
  const versions = [];
  for (let v = OLDEST_VERSION; v <= latest; v++) {
    versions.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return versions;
}
