/** Firefox: the job runner and the engine worker live in the background page itself. */
import type { JobSecrets } from '../../lib/crm/connector';
import { JobRunner } from '../../lib/jobs/runner';
import type { ApiAccessForRunner } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { DealsightDb } from '../../lib/store/db';
import type { JobRecord } from '../../lib/store/schema';
import EngineWorker from '../../workers/engine.worker.ts?worker';
import type { RunnerBridge } from './bridge';

export class DirectBridge implements RunnerBridge {
  private readonly runner: JobRunner;

  constructor(db: DealsightDb, report: (job: JobRecord) => void) {
    this.runner = new JobRunner(db, { createWorker: () => new EngineWorker(), report });
  }

  async start(jobId: number, secrets?: JobSecrets): Promise<void> {
    void this.runner.run(jobId, secrets);
  }

  recordPanel(connectionId: string, opportunityId: string, access: ApiAccessForRunner): Promise<PanelData> {
    return this.runner.recordPanel(connectionId, opportunityId, access);
  }

  cancel(jobId: number): Promise<void> {
    return this.runner.cancel(jobId);
  }

  panel(connectionId: string, opportunityId: string): Promise<PanelData> {
    return this.runner.panel(connectionId, opportunityId);
  }

  async idle(): Promise<void> {
    // The background page stays; the worker is small when idle.
  }

  async alive(): Promise<boolean> {
    // The runner lives in this page: a fresh page means a fresh runner.
    return false;
  }
}
