import type { Persona, PersonaGroup } from '../../lib/engine/personas';
import type { PersonaAttribute } from '../../lib/engine/personas/describe';
import { fieldLabel } from '../panels/labels';
import { Bar } from '../ui/Bar';
import { Card } from '../ui/Card';
import { Icon } from '../ui/icons';
import { useLocale, type LocaleTools } from '../ui/locale';
import type { AlignedDeal, RecordLink } from './model';
import { PersonaPortrait } from './PersonaPortrait';
import { personaPhrase } from './phrase';
import { SpreadChart } from './SpreadChart';

export interface PersonaDetailsProps {
  persona: Persona;
  /** Every persona of the level, for the picker and the spread chart. */
  personas: readonly Persona[];
  basis: PersonaGroup['basis'] | null;
  /** Open deals whose closest persona this is (model.ts `alignedOpenDeals`). */
  aligned: readonly AlignedDeal[];
  /** The org's win rate of closed deals, for comparison; null when unknown. */
  orgWinRate: number | null;
  linkFor: (opportunityId: string) => RecordLink;
  onSelect: (personaId: string) => void;
}

/** The full analysis of one persona: its attributes with importance and ranges, the spread of wins, the win rate of aligned deals, and records to open. */
export function PersonaDetails({ persona, personas, basis, aligned, orgWinRate, linkFor, onSelect }: PersonaDetailsProps) {
  const tools = useLocale();
  const { t } = tools;
  const maxWeight = Math.max(1e-9, ...persona.attributes.map((a) => a.weight));
  return (
    <div class="flex flex-col gap-4" data-persona-details={persona.id}>
      <div class="flex flex-wrap items-center justify-between gap-3">
        <div class="flex min-w-0 items-center gap-3">
          <PersonaPortrait persona={persona} size={64} />
          <div class="min-w-0">
            <h2 class="text-lg leading-tight font-semibold break-words text-slate-900 dark:text-white" data-field="persona-name">
              {persona.name}
            </h2>
            <p class="text-sm text-slate-600 dark:text-slate-300">{persona.company}</p>
            <p class="mt-1 text-[0.8125rem] break-words text-slate-700 dark:text-slate-200" data-field="persona-phrase">
              {personaPhrase(t, persona.attributes, persona.attributes.length)}
            </p>
          </div>
        </div>
        <label class="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          {t('personas_pickPersona')}
          <select
            class="max-w-60 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            value={persona.id}
            onChange={(e) => onSelect(e.currentTarget.value)}
            data-field="persona-picker"
          >
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.company}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div class="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t('personas_detailsAttributes')} level={3} name="attributes">
          <p class="-mt-1 mb-3 text-xs text-slate-500 dark:text-slate-400">{t('personas_detailsAttributesHint')}</p>
          <ol class="flex flex-col gap-3">
            {persona.attributes.map((a) => (
              <AttributeRow key={a.key} attribute={a} maxWeight={maxWeight} tools={tools} />
            ))}
          </ol>
        </Card>

        <div class="flex flex-col gap-4">
          <Card title={t('personas_winRateTitle')} level={3} name="win-rate">
            {persona.winRate === null || persona.alignedClosed === 0 ? (
              <p class="text-[0.8125rem] text-slate-600 dark:text-slate-300">{t('personas_winRateNone')}</p>
            ) : (
              <>
                <p class="text-3xl font-semibold text-slate-900 tabular-nums dark:text-white" data-field="win-rate">
                  {tools.percent(persona.winRate)}
                </p>
                <p class="mt-1 text-[0.8125rem] text-slate-700 dark:text-slate-200">
                  {t('personas_winRateBody', { count: persona.alignedClosed, rate: tools.percent(persona.winRate) })}
                </p>
              </>
            )}
            <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">
              {orgWinRate === null ? t('personas_winRateHonestNoBase') : t('personas_winRateHonest', { rate: tools.percent(orgWinRate) })}
            </p>
          </Card>

          <Card title={t('personas_openAligned')} level={3} name="open-aligned">
            {aligned.length === 0 ? (
              <p class="text-[0.8125rem] text-slate-600 dark:text-slate-300">{t('personas_openAlignedNone')}</p>
            ) : (
              <ul class="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
                {aligned.map(({ opportunity: o, score }) => (
                  <RecordRow
                    key={o.id}
                    id={o.id}
                    name={o.name || o.id}
                    sub={[o.account?.name, t('personas_openAlignedScore', { score: tools.number(Math.round(score)) })].filter(Boolean).join(' · ')}
                    end={o.amount === null ? null : tools.money(o.amount, o.currency, true)}
                    link={linkFor(o.id)}
                  />
                ))}
              </ul>
            )}
          </Card>

          <Card title={t('personas_recentWins')} level={3} name="recent-wins">
            {persona.recentWins.length === 0 ? (
              <p class="text-[0.8125rem] text-slate-600 dark:text-slate-300">{t('personas_recentWinsNone')}</p>
            ) : (
              <ul class="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
                {persona.recentWins.map((w) => (
                  <RecordRow
                    key={w.id}
                    id={w.id}
                    name={w.name || w.id}
                    sub={[w.accountName, w.closeDate ? tools.date(w.closeDate) : null].filter(Boolean).join(' · ')}
                    end={w.amount === null ? null : tools.money(w.amount, w.currency, true)}
                    link={linkFor(w.id)}
                  />
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      <Card title={t('personas_spreadTitle')} level={3} name="spread">
        <p class="-mt-1 mb-3 text-xs text-slate-500 dark:text-slate-400">
          {t('personas_spreadHint', { basis: basis === 'all wins' ? t('personas_spreadBasisAll') : t('personas_spreadBasisNew') })}
        </p>
        <SpreadChart personas={personas} selected={persona.id} onSelect={onSelect} />
      </Card>
    </div>
  );
}

function AttributeRow({ attribute: a, maxWeight, tools }: { attribute: PersonaAttribute; maxWeight: number; tools: LocaleTools }) {
  const { t } = tools;
  return (
    <li data-attribute={a.key}>
      <div class="flex items-baseline justify-between gap-2">
        <p class="min-w-0 text-[0.8125rem] break-words">
          <span class="font-medium text-slate-800 dark:text-slate-100">{fieldLabel(tools, a.key, a.label)}:</span>{' '}
          <span class="text-slate-700 dark:text-slate-200" data-field="value">
            {a.value}
          </span>
        </p>
        <span class="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400" data-field="importance">
          {t('personas_attrImportance', { weight: tools.percent(a.weight) })}
        </span>
      </div>
      <Bar fraction={a.weight / maxWeight} tone="accent" size="sm" class="mt-1" />
      <p class="mt-1 text-xs text-slate-500 dark:text-slate-400" data-field="share">
        {t('personas_attrShare', { share: tools.percent(a.share), base: tools.percent(a.baseShare), lift: tools.number(a.lift, 1) })}
      </p>
      {a.kind === 'range' && a.range ? (
        <p class="text-xs text-slate-500 dark:text-slate-400" data-field="range">
          {t('personas_attrRange', { range: rangeText(tools, a.range) })}
          {a.near ? ` · ${t('personas_attrNear', { near: rangeText(tools, a.near) })}` : ''}
        </p>
      ) : null}
    </li>
  );
}

/** Engine ranges are (min, max]: "over 200, up to 1,000". */
function rangeText(tools: LocaleTools, range: { min: number | null; max: number | null }): string {
  const { t } = tools;
  if (range.min !== null && range.max !== null) return t('personas_rangeBetween', { min: tools.number(range.min), max: tools.number(range.max) });
  if (range.min !== null) return t('personas_rangeAbove', { min: tools.number(range.min) });
  if (range.max !== null) return t('personas_rangeBelow', { max: tools.number(range.max) });
  return t('personas_rangeAny');
}

function RecordRow({ id, name, sub, end, link }: { id: string; name: string; sub: string; end: string | null; link: RecordLink }) {
  const { t } = useLocale();
  const where = link.where === 'crm' ? t('personas_whereCrm') : t('personas_whereDetail');
  return (
    <li class="flex items-center justify-between gap-3 py-2 first:pt-0 last:pb-0" data-record={id}>
      <div class="min-w-0">
        <a
          href={link.href}
          target="_blank"
          rel="noopener noreferrer"
          title={t('personas_openIn', { where })}
          class="rounded-sm text-[0.8125rem] font-medium break-words text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
          data-link={link.where}
        >
          {name}
          <Icon name="external" class="ml-1 inline-block size-3.5 align-[-2px]" />
        </a>
        {sub ? <p class="text-xs break-words text-slate-500 dark:text-slate-400">{sub}</p> : null}
      </div>
      {end ? <span class="shrink-0 text-xs text-slate-700 tabular-nums dark:text-slate-200">{end}</span> : null}
    </li>
  );
}
