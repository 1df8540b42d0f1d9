import type { Opportunity } from '../../lib/crm/opportunity';
import { Badge } from '../ui/Badge';
import { useLocale } from '../ui/locale';
import { typeLabel } from './labels';

export interface OpportunityHeaderProps {
  opportunity: Opportunity;
  /** Heading level of the name (default 1: the detail page's title). */
  level?: 1 | 2 | 3;
}

/** The opportunity's name as a heading, with its account and its CRM values (amount, stage, close date, owner). */
export function OpportunityHeader({ opportunity: o, level = 1 }: OpportunityHeaderProps) {
  const tools = useLocale();
  const { t } = tools;
  const Heading = `h${level}` as 'h1';
  const facts: Array<{ key: string; label: string; value: string }> = [];
  if (o.amount !== null) facts.push({ key: 'amount', label: t('panels_header_amount'), value: tools.money(o.amount, o.currency) });
  if (o.closeDate) facts.push({ key: 'close', label: o.isClosed ? t('panels_header_closed') : t('panels_header_closeDate'), value: tools.date(o.closeDate) });
  if (o.owner) facts.push({ key: 'owner', label: t('panels_header_owner'), value: o.owner.name });
  if (o.type) facts.push({ key: 'type', label: t('panels_header_type'), value: typeLabel(tools, o.type) });
  return (
    <header class="min-w-0">
      <div class="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Heading class="min-w-0 text-lg leading-tight font-semibold tracking-tight break-words text-slate-900 @lg:text-xl dark:text-white" data-field="name">
          {o.name || o.id}
        </Heading>
        {o.stage ? (
          <Badge tone={o.isClosed ? (o.isWon ? 'positive' : 'negative') : 'accent'}>
            <span class="sr-only">{t('panels_header_stage')} </span>
            {o.stage}
          </Badge>
        ) : null}
      </div>
      {o.account ? (
        <p class="mt-0.5 text-sm break-words text-slate-600 dark:text-slate-300" data-field="account">
          {o.account.name}
        </p>
      ) : null}
      {facts.length > 0 ? (
        <dl class="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {facts.map((f) => (
            <div key={f.key} class="flex gap-1">
              <dt class="text-slate-500 dark:text-slate-400">{f.label}</dt>
              <dd class="font-medium break-words text-slate-800 tabular-nums dark:text-slate-100">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </header>
  );
}
