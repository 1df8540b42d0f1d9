/**
 * Everything one training produces, saved in one transaction (issue 14, "no half-writes"):
 * the models and personas, the scores of every deal, and the deals newly at risk. A crash
 * or a full disk part way leaves the previous training whole — never new models beside old
 * scores — and the cached panels, computed by the old models, go with it.
 */
import type { AtRiskRecord } from '../alerts/at-risk';
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { connectionRange, putInChunks, quoted, writing } from './guard';
import { SETTINGS, settingKey, type ModelRecord, type PersonaRecord, type ScoreRecord } from './schema';

export interface TrainingOutput {
  model: ModelRecord;
  personas: readonly PersonaRecord[];
  scores: readonly ScoreRecord[];
  atRisk: AtRiskRecord;
}

export async function saveTraining(db: DealsightDb, output: TrainingOutput): Promise<void> {
  const id = output.model.connectionId;
  const what = `the training of ${quoted(id)}`;
  const stranger = [...output.personas, ...output.scores].find((r) => r.connectionId !== id);
  if (stranger) {
    throw new StoreError(
      'write',
      `Dealsight could not save ${what}: ${quoted(stranger.id)} belongs to ${quoted(stranger.connectionId)}. Nothing already stored was changed.`,
    );
  }
  await writing(db, what, [db.models, db.personas, db.panels, db.scores, db.settings], async () => {
    await Promise.all([connectionRange(db.personas, id).delete(), connectionRange(db.panels, id).delete(), connectionRange(db.scores, id).delete()]);
    await db.models.put(output.model);
    await db.personas.bulkPut([...output.personas]);
    await putInChunks(db.scores, output.scores, (r) => r);
    await db.settings.put({
      key: settingKey('alerts.atRisk', id),
      name: 'alerts.atRisk',
      connectionId: id,
      version: SETTINGS['alerts.atRisk'].version,
      value: output.atRisk,
    });
  });
}
