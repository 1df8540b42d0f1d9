import type { Persona } from '../../lib/engine/personas';
import { cx } from '../ui/cx';
import { useLocale } from '../ui/locale';

export interface SpreadChartProps {
  personas: ReadonlyArray<Pick<Persona, 'id' | 'name' | 'size' | 'share'>>;
  /** The persona to highlight. */
  selected: string | null;
  onSelect?: (personaId: string) => void;
}

const ROW = 30;
const BAR = 16;
const WIDTH = 640;
const LABEL = 200;
const VALUE = 110;

/** Longest name drawn in full in the label column; longer ones end in "…" (the full name is in the row's title). */
const MAX_LABEL = 26;

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * How the won deals spread across a level's personas: one horizontal bar per persona,
 * length = its won deals against the largest, with the count and share at the end; the
 * selected persona in the accent colour. SVG in Preact (text is text nodes, never markup);
 * the list beside it for assistive technology says the same.
 */
export function SpreadChart({ personas, selected, onSelect }: SpreadChartProps) {
  const tools = useLocale();
  const { t } = tools;
  const max = Math.max(1, ...personas.map((p) => p.size));
  const height = personas.length * ROW;
  const track = WIDTH - LABEL - VALUE;
  return (
    <div data-chart="spread">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" class="block h-auto w-full max-w-[640px] overflow-visible" aria-hidden="true" focusable="false">
        {personas.map((p, i) => {
          const y = i * ROW;
          const width = Math.max(2, (p.size / max) * track);
          const isSelected = p.id === selected;
          return (
            <g
              key={p.id}
              transform={`translate(0 ${y})`}
              class={cx(onSelect && 'cursor-pointer')}
              onClick={onSelect ? () => onSelect(p.id) : undefined}
              data-spread-row={p.id}
            >
              <title>{t('personas_spreadBar', { name: p.name, deals: tools.number(p.size), share: tools.percent(p.share) })}</title>
              <text
                x={LABEL - 10}
                y={ROW / 2}
                dominant-baseline="central"
                text-anchor="end"
                class={cx('text-[13px]', isSelected ? 'fill-slate-900 font-semibold dark:fill-white' : 'fill-slate-600 dark:fill-slate-300')}
              >
                {clip(p.name)}
              </text>
              <rect x={LABEL} y={(ROW - BAR) / 2} width={track} height={BAR} rx={4} class="fill-slate-100 dark:fill-slate-800" />
              <rect
                x={LABEL}
                y={(ROW - BAR) / 2}
                width={width}
                height={BAR}
                rx={4}
                class={isSelected ? 'fill-indigo-500 dark:fill-indigo-400' : 'fill-slate-400 dark:fill-slate-500'}
              />
              <text x={LABEL + track + 10} y={ROW / 2} dominant-baseline="central" class="fill-slate-700 text-[13px] tabular-nums dark:fill-slate-200">
                {`${tools.number(p.size)} · ${tools.percent(p.share)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="sr-only">
        {personas.map((p) => (
          <li key={p.id}>{t('personas_spreadBar', { name: p.name, deals: tools.number(p.size), share: tools.percent(p.share) })}</li>
        ))}
      </ul>
    </div>
  );
}
