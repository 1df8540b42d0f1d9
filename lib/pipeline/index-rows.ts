/**
 * What is worked out once per data load so that every keystroke, header click and filter
 * change afterwards is cheap: the normalized search text of each row and the sort keys of
 * each column. Both are made on first use, so the first render of 10,000 rows pays only
 * for the default sort.
 */
import type { PipelineRow } from '../panel-data';
import type { ColumnKey } from './columns';
import { searchHaystack } from './search';
import { pipelineCollator } from './collator';

export interface PipelineIndex {
  readonly rows: readonly PipelineRow[];
  /** Normalized name, account and owner of each row (`search.ts`); made by the first search. */
  readonly haystacks: readonly string[];
  /** Filled by `sortKeys` on first use of each column. */
  readonly sortKeys: Map<ColumnKey, Float64Array>;
  readonly collator: Intl.Collator;
}

export function buildIndex(rows: readonly PipelineRow[], options: { locale?: string } = {}): PipelineIndex {
  let haystacks: string[] | null = null;
  return {
    rows,
    get haystacks(): readonly string[] {
      if (haystacks === null) {
        haystacks = new Array<string>(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i] as PipelineRow;
          haystacks[i] = searchHaystack([row.name, row.accountName, row.owner]);
        }
      }
      return haystacks;
    },
    sortKeys: new Map(),
    collator: pipelineCollator(options.locale),
  };
}
