/** What the quality page shows, as its app hands it to the components. */
import type { PipelineRow } from '../../lib/panel-data';
import type { PipelineFilters } from '../../lib/pipeline/filter';
import type { ConnectionRecord, ModelRecord, PersonaRecord, SegmentRecord } from '../../lib/store/schema';

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
  /** The popup's saved segments (the insights tab applies and saves them too). */
  segments?: SegmentRecord[];
  /** Who "me" is for this connection (the popup's choice), for the reporting level. */
  me?: string | null;
  /** The filters the insights tab opens with: the popup's, when the popup last showed this connection. */
  filters?: PipelineFilters;
}

/** What the insights tab's filters do outside the page: the popup's segments and "me". */
export interface InsightsActions {
  onSaveSegment: (name: string, filters: PipelineFilters) => Promise<void>;
  onDeleteSegment: (segment: SegmentRecord) => Promise<void>;
  onMeChange: (name: string | null) => void;
}

export type QualityStatus = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: QualityPageData };

export type QualityTab = 'quality' | 'insights';
