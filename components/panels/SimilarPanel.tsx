import type { SimilarDeal, SimilarResult } from '../../lib/engine/similar';
import { Badge } from '../ui/Badge';
import { Card, type HeadingLevel } from '../ui/Card';
import { Chip } from '../ui/Chip';
import { cx } from '../ui/cx';
import { Icon } from '../ui/icons';
import { useLocale, type LocaleTools } from '../ui/locale';
import { fieldLabel, fieldValue } from './labels';
import { PanelMessage } from './PanelMessage';

/** Where a similar deal's name links: its CRM record, the detail page, or nowhere (null). */
export type SimilarLink = (deal: SimilarDeal) => string | null;

export interface SimilarPanelProps {
  /** `PanelData.similar`, or null when there are no closed deals to compare with. */
  similar: SimilarResult | null;
  /** The link of each deal's name; an absolute http(s) URL opens in a new tab. */
  linkFor?: SimilarLink;
  level?: HeadingLevel;
}

/** True for a link that leaves the extension (a CRM record): opened in a new tab. */
function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/**
 * Recent similar opportunities: the nearest won and lost deals, each with its account,
 * close date and amount, linked to its record, and chips for what it shares with this deal
 * and what differs.
 */
export function SimilarPanel({ similar, linkFor, level = 2 }: SimilarPanelProps) {
  const tools = useLocale();
  const { t } = tools;
  const title = t('panels_similar_title');
  if (!similar) {
    return (
      <Card title={title} level={level} name="similar">
        <PanelMessage>{t('panels_similar_none')}</PanelMessage>
      </Card>
    );
  }
  const Sub = `h${Math.min(level + 1, 6)}` as 'h3';
  return (
    <Card title={title} level={level} name="similar">
      <div class="grid gap-4 @3xl:grid-cols-2">
        <DealList
          kind="wins"
          title={t('panels_similar_wins')}
          empty={t('panels_similar_noWins')}
          deals={similar.wins}
          linkFor={linkFor}
          Sub={Sub}
          tools={tools}
        />
        <DealList
          kind="losses"
          title={t('panels_similar_losses')}
          empty={t('panels_similar_noLosses')}
          deals={similar.losses}
          linkFor={linkFor}
          Sub={Sub}
          tools={tools}
        />
      </div>
    </Card>
  );
}

interface DealListProps {
  kind: 'wins' | 'losses';
  title: string;
  empty: string;
  deals: SimilarDeal[];
  linkFor: SimilarLink | undefined;
  Sub: 'h3';
  tools: LocaleTools;
}

function DealList({ kind, title, empty, deals, linkFor, Sub, tools }: DealListProps) {
  const won = kind === 'wins';
  return (
    <div class="min-w-0" data-similar={kind}>
      <Sub class="flex items-center gap-1.5 text-xs font-semibold text-slate-700 dark:text-slate-200">
        <span aria-hidden="true" class={cx('inline-block size-2 rounded-full', won ? 'bg-emerald-500' : 'bg-rose-500')} />
        {title} <span class="font-normal text-slate-500 dark:text-slate-400">{tools.t('panels_similar_count', { count: deals.length })}</span>
      </Sub>
      {deals.length === 0 ? (
        <p class="mt-1.5 text-xs text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul class="mt-1 divide-y divide-slate-100 dark:divide-slate-800" aria-label={title}>
          {deals.map((deal) => (
            <DealItem key={deal.id} deal={deal} href={linkFor?.(deal) ?? null} tools={tools} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DealItem({ deal, href, tools }: { deal: SimilarDeal; href: string | null; tools: LocaleTools }) {
  const { t } = tools;
  const name = deal.name || deal.id;
  const external = href !== null && isExternal(href);
  const facts = [
    deal.accountName,
    deal.closeDate ? t('panels_similar_closed', { date: tools.date(deal.closeDate) }) : null,
    deal.amount !== null ? tools.money(deal.amount, deal.currency) : null,
  ].filter((fact): fact is string => fact !== null && fact !== '');
  return (
    <li class="py-2.5 first:pt-2 last:pb-0" data-deal={deal.id}>
      <div class="flex items-start justify-between gap-2">
        <p class="min-w-0 text-[0.8125rem] leading-snug font-medium break-words">
          {href ? (
            <a
              href={href}
              {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              class="rounded-sm text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
            >
              {name}
              {external ? (
                <>
                  <Icon name="external" class="ml-1 inline size-3 align-[-1px]" />
                  <span class="sr-only"> {t('panels_similar_newTab')}</span>
                </>
              ) : null}
            </a>
          ) : (
            <span class="text-slate-900 dark:text-slate-100">{name}</span>
          )}
        </p>
        <span class="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400" data-field="similarity">
          {t('panels_similar_similarity', { share: tools.percent(deal.similarity) })}
        </span>
      </div>
      <p class="mt-0.5 text-xs leading-relaxed text-slate-600 dark:text-slate-300">
        {facts.map((fact, i) => (
          <span key={i}>
            {/* A no-break space before the dot: a line may break after a separator, never before one. */}
            {i > 0 ? '\u00a0· ' : null}
            <span class={i > 0 ? 'whitespace-nowrap' : 'break-words'}>{fact}</span>
          </span>
        ))}
        {deal.sameAccount ? (
          <>
            {' '}
            <Badge tone="accent">{t('panels_similar_sameAccount')}</Badge>
          </>
        ) : null}
      </p>
      {deal.shared.length + deal.different.length > 0 ? (
        <ul class="mt-1.5 flex flex-wrap gap-1" aria-label={t('panels_similar_comparison')}>
          {deal.shared.map((s) => (
            <li key={`s-${s.key}`} class="max-w-full">
              <Chip tone="positive" icon="check" srPrefix={t('panels_similar_shares')}>
                {t('panels_similar_shared', { label: fieldLabel(tools, s.key, s.label), value: fieldValue(tools, s.key, s.value, deal.currency) })}
              </Chip>
            </li>
          ))}
          {deal.different.map((d) => (
            <li key={`d-${d.key}`} class="max-w-full">
              <Chip tone="neutral" icon="not-equal" srPrefix={t('panels_similar_differs')}>
                {t('panels_similar_different', {
                  label: fieldLabel(tools, d.key, d.label),
                  value: fieldValue(tools, d.key, d.value, deal.currency),
                  theirs: fieldValue(tools, d.key, d.theirs, deal.currency),
                })}
              </Chip>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
