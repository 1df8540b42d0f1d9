import { useEffect, useState } from 'preact/hooks';
import type { Opportunity } from '../../../lib/crm/opportunity';
import type { ConnectionRecord, FieldMappingRecord } from '../../../lib/store/schema';
import { errorText } from '../i18n';
import { useOptions, type OptionsState } from '../state';
import { previewFields, type FieldPreview } from './preview';

export type Previews = { status: 'loading' } | { status: 'ready'; fields: Map<string, FieldPreview> } | { status: 'error'; error: string };

/** One computation per connection and data version, kept while the page is open. */
const cache = new WeakMap<OptionsState, Map<string, Promise<Map<string, FieldPreview>>>>();

function load(state: OptionsState, connection: ConnectionRecord, mapping: FieldMappingRecord): Promise<Map<string, FieldPreview>> {
  let perState = cache.get(state);
  if (!perState) cache.set(state, (perState = new Map()));
  const key = `${connection.id}@${connection.dataVersion}`;
  let promise = perState.get(key);
  if (!promise) {
    const keys = [...mapping.fields.map((f) => f.key), ...mapping.leaky.map((f) => f.key)].map((key) => ({ key }));
    promise = Promise.resolve()
      .then(() => state.source.listOpportunities(connection.id))
      .then((records) => previewFields(records.map(toOpportunity), keys));
    perState.set(key, promise);
    // A failure is not cached: the next visit tries again.
    promise.catch(() => perState.delete(key));
  }
  return promise;
}

/** The store may hand back opportunity records or the opportunities themselves. */
function toOpportunity(record: Opportunity | { opportunity: Opportunity }): Opportunity {
  return 'opportunity' in record ? record.opportunity : record;
}

export function usePreviews(connection: ConnectionRecord, mapping: FieldMappingRecord): Previews {
  const state = useOptions();
  const [previews, setPreviews] = useState<Previews>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setPreviews({ status: 'loading' });
    load(state, connection, mapping).then(
      (fields) => live && setPreviews({ status: 'ready', fields }),
      (error: unknown) => live && setPreviews({ status: 'error', error: errorText(error) }),
    );
    return () => {
      live = false;
    };
    // The mapping's field list changes only with the data version.
  }, [state, connection.id, connection.dataVersion]);
  return previews;
}
