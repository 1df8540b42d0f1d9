/**
 * After a sync or an import, a browser notification of the deals newly at risk (issue 7,
 * "Notifications"): only when the user switched it on in the options page, which also
 * asked for the optional `notifications` permission. The deals come from the training
 * that ended the job (lib/jobs/runner.ts stores them with the job's id).
 */
import { riskMessage } from '../../lib/alerts/at-risk';
import { formatDate } from '../../lib/format';
import type { DealsightDb } from '../../lib/store/db';
import { connectionSettings, getSetting } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';

export interface Notifier {
  /** Whether the optional permission is granted (the user may have revoked it since). */
  allowed(): Promise<boolean>;
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<unknown>;
  iconUrl: string;
}

/** The notification for a finished job, or null when there is nothing to say or it is switched off. */
export async function atRiskNotification(db: DealsightDb, job: JobRecord, locale?: string): Promise<{ id: string; title: string; message: string } | null> {
  if (job.status !== 'done' || (job.kind !== 'sync' && job.kind !== 'import')) return null;
  if (!(await getSetting(db, 'alerts.notifyAtRisk'))) return null;
  const record = await connectionSettings(db, job.connectionId).get('alerts.atRisk');
  if (!record || record.jobId !== (job.id ?? null)) return null;
  const message = riskMessage(record.deals, 4, (iso) => formatDate(iso, { locale }));
  if (!message) return null;
  return { id: `dealsight-at-risk-${job.connectionId}`, title: message.title, message: message.lines.join('\n') };
}

export async function notifyAtRisk(db: DealsightDb, job: JobRecord, notifier: Notifier, locale?: string): Promise<boolean> {
  const note = await atRiskNotification(db, job, locale);
  if (!note || !(await notifier.allowed())) return false;
  await notifier.create(note.id, { type: 'basic', iconUrl: notifier.iconUrl, title: note.title, message: note.message, priority: 1 });
  return true;
}
