/**
 * The pipeline's filters: free-text search, reporting level (me / my team / org, with
 * who "me" is), owner, type and territory. Territory is left out when no deal has one.
 * Controlled: every change goes to `onChange` with the whole new filter state.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { HealthLevel } from '../../lib/engine/health/health';
import { healthLabel } from '../../lib/health-text';
import { EMPTY_FILTERS, HEALTH_FILTER_LEVELS, isUnfiltered, REPORTING_LEVELS, type PipelineFilters, type ReportingLevel } from '../../lib/pipeline/filter';
import type { FilterOptions } from '../../lib/pipeline/options';
import { FIELD, LINK_BUTTON } from './controls';
import { tp, type PopupPlainKey } from './i18n';

const LEVEL_LABEL: Record<ReportingLevel, PopupPlainKey> = { me: 'popup_levelMe', team: 'popup_levelTeam', org: 'popup_levelOrg' };

export interface FilterBarProps {
  filters: PipelineFilters;
  options: FilterOptions;
  me: string | null;
  onChange: (filters: PipelineFilters) => void;
  onMeChange: (name: string | null) => void;
  /** Saved segments, at the end of the second line. */
  segments?: ComponentChildren;
}

export function FilterBar({ filters, options, me, onChange, onMeChange, segments }: FilterBarProps) {
  const id = useId();
  const set = <K extends keyof PipelineFilters>(key: K, value: PipelineFilters[K]): void => onChange({ ...filters, [key]: value });
  const showTerritory = options.territories.length > 0;

  return (
    <div class="flex flex-col gap-2" data-testid="filters">
      <div class="flex flex-wrap items-center gap-2">
        <label class="relative min-w-40 flex-1">
          <span class="sr-only">{tp('popup_searchLabel')}</span>
          <SearchIcon />
          <input
            type="search"
            value={filters.search}
            onInput={(e) => set('search', e.currentTarget.value)}
            placeholder={tp('popup_searchPlaceholder')}
            spellcheck={false}
            autocomplete="off"
            class={`${FIELD} w-full pl-7`}
            data-filter="search"
          />
        </label>
        <fieldset class="flex shrink-0 rounded-md border border-slate-300 bg-slate-100 p-0.5 dark:border-slate-600 dark:bg-slate-800" data-filter="level">
          <legend class="sr-only">{tp('popup_levelLabel')}</legend>
          {REPORTING_LEVELS.map((level) => (
            <label key={level} class="relative">
              <input
                type="radio"
                name={`${id}-level`}
                value={level}
                checked={filters.level === level}
                onChange={() => set('level', level)}
                class="peer absolute inset-0 cursor-pointer opacity-0"
              />
              <span class="flex h-[26px] items-center rounded px-2.5 text-xs font-medium text-slate-600 peer-checked:bg-white peer-checked:text-slate-900 peer-checked:shadow-xs peer-focus-visible:outline-2 peer-focus-visible:outline-sky-600 dark:text-slate-400 dark:peer-checked:bg-slate-600 dark:peer-checked:text-white dark:peer-focus-visible:outline-sky-400">
                {tp(LEVEL_LABEL[level])}
              </span>
            </label>
          ))}
        </fieldset>
        {/* On the search's line: the second holds four selects and the segments within a 780 px popup. */}
        {(options.days || filters.daysMin !== null || filters.daysMax !== null) && (
          <DaysRange min={filters.daysMin} max={filters.daysMax} onChange={(daysMin, daysMax) => onChange({ ...filters, daysMin, daysMax })} />
        )}
        {filters.level !== 'org' && (
          <label class="flex shrink-0 items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
            {tp('popup_meLabel')}
            <select value={me ?? ''} onChange={(e) => onMeChange(e.currentTarget.value || null)} class={`${FIELD} max-w-36`} data-filter="me">
              <option value="">{tp('popup_meNone')}</option>
              {options.owners.map((owner) => (
                <option key={owner} value={owner}>
                  {owner}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div class="flex flex-wrap items-center gap-2">
        <Choice
          label={tp('popup_ownerLabel')}
          any={tp('popup_ownerAny')}
          value={filters.owner}
          values={options.owners}
          onChange={(v) => set('owner', v)}
          name="owner"
        />
        <Choice
          label={tp('popup_typeLabel')}
          any={tp('popup_typeAny')}
          value={filters.type}
          values={options.types}
          onChange={(v) => set('type', v)}
          name="type"
          // The standard types are stored in lower case ("new customer"); show them as labels.
          display={(v) => v.charAt(0).toLocaleUpperCase() + v.slice(1)}
        />
        {showTerritory && (
          <Choice
            label={tp('popup_territoryLabel')}
            any={tp('popup_territoryAny')}
            value={filters.territory}
            values={options.territories}
            onChange={(v) => set('territory', v)}
            name="territory"
          />
        )}
        {(options.health || filters.health !== null) && (
          <Choice
            label={tp('popup_healthLabel')}
            any={tp('popup_healthAny')}
            value={filters.health}
            values={[...HEALTH_FILTER_LEVELS]}
            onChange={(v) => set('health', v as HealthLevel | null)}
            name="health"
            display={(v) => healthLabel(v as HealthLevel)}
          />
        )}
        {!isUnfiltered(filters) && (
          <button type="button" class={`${LINK_BUTTON} shrink-0 px-1`} onClick={() => onChange({ ...EMPTY_FILTERS })}>
            {tp('popup_clearFilters')}
          </button>
        )}
        <div class="ml-auto flex min-w-0 items-center gap-1.5">{segments}</div>
      </div>
    </div>
  );
}

function Choice({
  label,
  any,
  value,
  values,
  onChange,
  name,
  display = (v) => v,
}: {
  label: string;
  any: string;
  value: string | null;
  values: string[];
  onChange: (value: string | null) => void;
  name: string;
  display?: (value: string) => string;
}) {
  // A value the options lack (a stale saved filter) still shows, so the select never lies.
  const all = value !== null && !values.includes(value) ? [value, ...values] : values;
  return (
    <label class="min-w-0">
      <span class="sr-only">{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        class={`${FIELD} w-32 ${value !== null ? 'border-sky-500 dark:border-sky-400' : ''}`}
        title={label}
        data-filter={name}
      >
        <option value="">{any}</option>
        {all.map((v) => (
          <option key={v} value={v}>
            {display(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Whole days from 0 up, or null for an empty or unreadable box. */
export function parseDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Days in stage from–to: two small number boxes; an empty box is unbounded. */
function DaysRange({ min, max, onChange }: { min: number | null; max: number | null; onChange: (min: number | null, max: number | null) => void }) {
  const box = (value: number | null, label: string, name: string, apply: (days: number | null) => void) => (
    <label class="min-w-0">
      <span class="sr-only">{`${tp('popup_daysLabel')}: ${label}`}</span>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value ?? ''}
        placeholder={label}
        title={`${tp('popup_daysLabel')}: ${label}`}
        onInput={(e) => apply(parseDays(e.currentTarget.value))}
        class={`${FIELD} w-16 tabular-nums ${value !== null ? 'border-sky-500 dark:border-sky-400' : ''}`}
        data-filter={name}
      />
    </label>
  );
  return (
    <fieldset class="flex shrink-0 items-center gap-1 text-xs text-slate-500 dark:text-slate-400" data-filter="days">
      <legend class="sr-only">{tp('popup_daysLabel')}</legend>
      <span aria-hidden="true">{tp('popup_colDaysInStage')}</span>
      {box(min, tp('popup_daysMin'), 'days-min', (days) => onChange(days, max))}
      <span aria-hidden="true">{tp('popup_daysTo')}</span>
      {box(max, tp('popup_daysMax'), 'days-max', (days) => onChange(min, days))}
    </fieldset>
  );
}

function SearchIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-slate-400">
      <path
        fill="currentColor"
        d="M7 1.5a5.5 5.5 0 0 1 4.38 8.83l3.15 3.14a.75.75 0 1 1-1.06 1.06l-3.14-3.15A5.5 5.5 0 1 1 7 1.5Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
      />
    </svg>
  );
}
