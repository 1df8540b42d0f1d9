/** What the quality page shows, as its app hands it to the components. */
import type { PipelineRow } from '../../lib/panel-data';
import type { ConnectionRecord, ModelRecord, PersonaRecord } from '../../lib/store/schema';

export interface QualityPageData {
  connections: ConnectionRecord[];
  /** The connection shown; null when there is no data at all. */
  connection: ConnectionRecord | null;
  /** Its trained models (with the quality report); null before the first training. */
  model: ModelRecord | null;
  /** Its open pipeline, as scored by the last training. */
  openRows: PipelineRow[];
  /** Its persona records (org and team). */
  personas: PersonaRecord[];
}

export type QualityStatus = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: QualityPageData };

export type QualityTab = 'quality' | 'insights';
