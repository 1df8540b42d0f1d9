import type { AttributeAlignment } from '../../lib/engine/alignment';
import type { PanelData } from '../../lib/panel-data';
import { Gauge } from '../charts/Gauge';
import { Badge } from '../ui/Badge';
import { Bar } from '../ui/Bar';
import { Card, type HeadingLevel } from '../ui/Card';
import { cx } from '../ui/cx';
import { Icon, type IconName } from '../ui/icons';
import { useLocale, type LocaleTools } from '../ui/locale';
import type { Translator } from '../../lib/i18n';
import type { Tone } from '../ui/tone';
import { TONE_TEXT } from '../ui/tone';
import { fieldLabel, fieldValue } from './labels';
import type { PersonasLink } from './links';
import { PanelMessage } from './PanelMessage';
import { PersonaAvatar } from './PersonaAvatar';

/** "Healthcare · 1,001–5,000 employees · VP Operations buyers", in the panel's language (values are the data's). */
function phraseOf(t: Translator, parts: ReadonlyArray<{ key: string; value: string }>): string {
  return parts
    .map(({ key, value }) =>
      key === 'employees' ? t('panels_phrase_employees', { value }) : key === 'buyerTitle' ? t('panels_phrase_buyerTitle', { value }) : value,
    )
    .join(t('panels_phrase_separator'));
}

export interface RepeatBuyerPanelProps {
  /** `PanelData.repeatBuyer`: the persona and the deal's alignment with it, or null. */
  repeatBuyer: PanelData['repeatBuyer'];
  /** `PanelData.repeatBuyerMessage`: why there is none. */
  message?: string | null;
  level?: HeadingLevel;
  /** The personas page, on this persona; no link without it. */
  personasLink?: PersonasLink | null;
}

type MatchKind = 'match' | 'near' | 'none' | 'missing';

function matchKind(a: AttributeAlignment): MatchKind {
  if (a.actual === null) return 'missing';
  if (a.match >= 1) return 'match';
  if (a.match > 0) return 'near';
  return 'none';
}

const MATCH_TONE: Record<MatchKind, Tone> = { match: 'positive', near: 'warning', none: 'negative', missing: 'neutral' };
const MATCH_ICON: Record<MatchKind, IconName> = { match: 'check', near: 'half', none: 'cross', missing: 'half' };

function matchWord(tools: LocaleTools, kind: MatchKind): string {
  switch (kind) {
    case 'match':
      return tools.t('panels_rbp_match');
    case 'near':
      return tools.t('panels_rbp_near');
    case 'none':
      return tools.t('panels_rbp_noMatch');
    case 'missing':
      return tools.t('panels_rbp_missing');
  }
}

/** A 0–100 score's tone: the gauge's colour (its number and aria-label say the same). */
function scoreTone(score: number): Tone {
  return score >= 70 ? 'positive' : score >= 40 ? 'accent' : 'neutral';
}

/**
 * Repeat Buyer Potential: the score as a gauge, the persona it is measured against (portrait,
 * name, company, phrase), and the persona's attributes in order of importance as "Ideal"
 * bars (length = the attribute's weight) against "Aligned" bars (the weight this deal earns:
 * all of it on a match, half when near, none otherwise), each with its values in text.
 */
export function RepeatBuyerPanel({ repeatBuyer, message, level = 2, personasLink }: RepeatBuyerPanelProps) {
  const tools = useLocale();
  const { t } = tools;
  const title = t('panels_rbp_title');
  if (!repeatBuyer) {
    return (
      <Card title={title} level={level} name="repeat-buyer">
        <PanelMessage>{message ?? t('panels_rbp_none')}</PanelMessage>
      </Card>
    );
  }
  const { persona, alignment } = repeatBuyer;
  const score = Math.round(alignment.score);
  const match = Math.round(alignment.match);
  const maxWeight = Math.max(...alignment.breakdown.map((a) => a.weight), 1e-9);
  const facts = [
    persona.repeatRate !== null ? t('panels_rbp_repeatRate', { rate: tools.percent(persona.repeatRate) }) : null,
    persona.winRate !== null ? t('panels_rbp_winRate', { rate: tools.percent(persona.winRate) }) : null,
    t('panels_rbp_size', { count: persona.size }),
  ].filter((fact): fact is string => fact !== null);
  const Sub = `h${Math.min(level + 1, 6)}` as 'h3';
  return (
    <Card
      title={title}
      level={level}
      name="repeat-buyer"
      aside={<Badge tone="neutral">{repeatBuyer.level === 'team' ? t('panels_rbp_levelTeam') : t('panels_rbp_levelOrg')}</Badge>}
    >
      <div class="flex items-center gap-3">
        <Gauge
          value={alignment.score}
          display={tools.number(score)}
          unit={t('panels_rbp_outOf')}
          label={t('panels_rbp_scoreLabel', { score: tools.number(score), persona: persona.name })}
          tone={scoreTone(alignment.score)}
          size={68}
        />
        <div class="flex min-w-0 items-center gap-2.5">
          <PersonaAvatar persona={persona} attributes={alignment.breakdown} size={44} />
          <div class="min-w-0">
            <p class="text-xs text-slate-500 dark:text-slate-400">{t('panels_rbp_persona')}</p>
            <p class="font-semibold break-words text-slate-900 dark:text-white" data-field="persona-name">
              {persona.name}
            </p>
            <p class="text-xs break-words text-slate-600 dark:text-slate-300" data-field="persona-company">
              {persona.company}
            </p>
          </div>
        </div>
      </div>
      {persona.phrase ? (
        <p class="mt-2.5 text-[0.8125rem] break-words text-slate-700 dark:text-slate-200" data-field="persona-phrase">
          {persona.phraseParts ? phraseOf(t, persona.phraseParts) : persona.phrase}
        </p>
      ) : null}
      <ul class="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500 dark:text-slate-400">
        {facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      {personasLink ? (
        <a
          href={personasLink.href}
          target="_blank"
          rel="noopener"
          onClick={
            personasLink.open
              ? (event) => {
                  event.preventDefault();
                  personasLink.open?.();
                }
              : undefined
          }
          class="mt-1.5 inline-flex items-center gap-1 rounded-sm text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
          data-action="open-personas"
        >
          {t('panels_rbp_allPersonas')}
          <Icon name="external" class="size-3.5" />
        </a>
      ) : null}
      {match !== score ? (
        <p class="mt-2 text-xs text-slate-600 dark:text-slate-300">
          {t('panels_rbp_matchNote', { match: tools.percent(alignment.match / 100), score: tools.number(score) })}
        </p>
      ) : null}

      <div class="mt-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Sub class="text-xs font-semibold text-slate-700 dark:text-slate-200">{t('panels_rbp_attributes')}</Sub>
        <div aria-hidden="true" class="flex items-center gap-3 text-[0.6875rem] text-slate-500 dark:text-slate-400">
          <span class="flex items-center gap-1">
            <span class="inline-block h-1.5 w-3 rounded-full bg-indigo-500 dark:bg-indigo-400" />
            {t('panels_rbp_ideal')}
          </span>
          <span class="flex items-center gap-1">
            <span class="inline-block h-1.5 w-3 rounded-full bg-emerald-500 dark:bg-emerald-400" />
            {t('panels_rbp_aligned')}
          </span>
        </div>
      </div>
      <ol class="mt-2 flex flex-col gap-3" aria-label={t('panels_rbp_attributes')}>
        {alignment.breakdown.map((a) => (
          <AttributeRow key={a.key} attribute={a} maxWeight={maxWeight} tools={tools} />
        ))}
      </ol>
    </Card>
  );
}

function AttributeRow({ attribute: a, maxWeight, tools }: { attribute: AttributeAlignment; maxWeight: number; tools: LocaleTools }) {
  const { t } = tools;
  const kind = matchKind(a);
  const tone = MATCH_TONE[kind];
  const ideal = fieldValue(tools, a.key, a.ideal);
  const actual = a.actual === null ? t('panels_rbp_notSet') : fieldValue(tools, a.key, a.actual);
  return (
    <li data-attribute={a.key}>
      <div class="flex items-baseline justify-between gap-2">
        <p class="min-w-0 text-[0.8125rem] font-medium break-words text-slate-800 dark:text-slate-100">
          {fieldLabel(tools, a.key, a.label)}{' '}
          <span class="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">{t('panels_rbp_weight', { weight: tools.percent(a.weight) })}</span>
        </p>
        <span class={cx('flex shrink-0 items-center gap-1 text-xs font-medium', TONE_TEXT[tone])} data-match={kind}>
          <Icon name={MATCH_ICON[kind]} class="size-3.5" />
          {matchWord(tools, kind)}
        </span>
      </div>{' '}
      {/* Spaces between the cells: whitespace is no grid item, and it keeps the words apart in the text. */}
      <div class="mt-1 grid grid-cols-[auto_minmax(2.5rem,2fr)_minmax(0,3fr)] items-center gap-x-2 gap-y-1 text-xs">
        <span class="text-slate-500 dark:text-slate-400">{t('panels_rbp_ideal')}</span> <Bar fraction={a.weight / maxWeight} tone="accent" size="sm" />{' '}
        <span class="min-w-0 break-words text-slate-700 dark:text-slate-200" data-field="ideal">
          {ideal}
        </span>{' '}
        <span class="text-slate-500 dark:text-slate-400">{t('panels_rbp_aligned')}</span>{' '}
        <Bar fraction={(a.weight * a.match) / maxWeight} tone={tone} size="sm" />{' '}
        <span
          class={cx('min-w-0 break-words', kind === 'missing' ? 'text-slate-500 italic dark:text-slate-400' : 'text-slate-700 dark:text-slate-200')}
          data-field="actual"
        >
          {actual}
        </span>
      </div>
    </li>
  );
}
