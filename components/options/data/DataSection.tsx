import { t } from '../i18n';
import { cls } from '../ui/classes';
import { Section } from '../ui/Section';
import { DeleteEverything } from './DeleteEverything';
import { ExportData } from './ExportData';
import { StorageUse } from './StorageUse';

/** Data: export, storage used, and deleting everything. */
export function DataSection() {
  return (
    <Section id="data" title={t('options_sectionData')} description={t('options_sectionDataDescription')}>
      <div class={`${cls.card} divide-y divide-slate-100 p-0! dark:divide-slate-800`}>
        <div class="p-4 sm:p-5">
          <ExportData />
        </div>
        <div class="p-4 sm:p-5">
          <StorageUse />
        </div>
        <div class="p-4 sm:p-5">
          <DeleteEverything />
        </div>
      </div>
    </Section>
  );
}
