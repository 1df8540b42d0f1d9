/**
 * The org's daily API request allowance: every authenticated REST call counts (the
 * versions list does not), each reply says where the count stands in
 * `Sforce-Limit-Info: api-usage=N/MAX`, and once it is spent Salesforce answers 403
 * REQUEST_LIMIT_EXCEEDED. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 */
export class ApiUsage {
  private used = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`apiLimit must be a positive whole number, got ${max}`);
  }

  get count(): number {
    return this.used;
  }

  get exhausted(): boolean {
    return this.used >= this.max;
  }

  /** Counts one call. */
  record(): void {
    this.used += 1;
  }

  /** Sets the count, to test what a connector does near or past the limit. */
  set(used: number): void {
    if (!Number.isInteger(used) || used < 0) throw new Error(`API usage must be a whole number ≥ 0, got ${used}`);
    this.used = used;
  }

  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }

  /** GET /services/data/vXX.X/limits (the daily requests are live; the rest are a Developer Edition's). */
  limitsBody(): Record<string, { Max: number; Remaining: number }> {
    return {
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      ConcurrentSyncReportRuns: { Max: 20, Remaining: 20 },
      DailyApiRequests: { Max: this.max, Remaining: Math.max(0, this.max - this.used) },
      DailyAsyncApexExecutions: { Max: 250_000, Remaining: 250_000 },
      DailyBulkApiBatches: { Max: 15_000, Remaining: 15_000 },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
      DataStorageMB: { Max: 5, Remaining: 4 },
      FileStorageMB: { Max: 20, Remaining: 20 },
      HourlySyncReportRuns: { Max: 500, Remaining: 500 },
      SingleEmail: { Max: 15, Remaining: 15 },
    };
  }
}
