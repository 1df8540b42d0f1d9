/**
 * The store's functions, one import for the pages and the job runner. Every function
 * takes the database first: each context passes its own `openDb()` singleton, tests pass
 * an isolated one. The implementations live in one file per concern, next to this one.
 */
export {
  listConnections,
  getConnection,
  replaceConnectionData,
  deleteConnection,
  deleteAll,
  type ConnectionInput,
  type FieldMappingInput,
} from './connections';
export { listOpportunities, getOpportunity, countOpportunities } from './opportunities';
export { getAccountDeals, type AccountDeals } from './account-deals';
export { getModel, listPersonas, saveModels } from './models';
export { saveTraining, type TrainingOutput } from './training';
export { listPipeline, topPipeline, getScore, getScores, saveScores } from './scores';
export { getPanel, putPanel } from './panels';
export { createJob, updateJob, getJob, listJobs, lastJob, nextQueuedJob, markInterruptedJobs, INTERRUPTED_MESSAGE } from './jobs';
export { putUpload, takeUpload, getUpload, deleteUpload, pruneUploads } from './uploads';
export {
  getSetting,
  setSetting,
  connectionSettings,
  listConnectionSetting,
  listSettingConnections,
  readValue,
  getFieldMapping,
  setExcludedFields,
} from './settings';
export { listSegments, saveSegment, deleteSegment } from './segments';
export { getSyncState, putSyncState } from './sync-state';
export { upsertConnectionData, type UpsertOptions } from './upsert';
export { exportScoredCsv, neutralizeFormula, EXPORT_HEADER } from './export';
export { storageEstimate, type StorageEstimate } from './estimate';
