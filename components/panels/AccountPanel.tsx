import { shownWin } from '../../lib/format';
import type { HealthLevel } from '../../lib/engine/health/health';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';
import type { AccountDeal } from '../../lib/pipeline/account-rollup';
import { Badge } from '../ui/Badge';
import { Card, type HeadingLevel } from '../ui/Card';
import { useLocale, type LocaleTools } from '../ui/locale';
import type { Tone } from '../ui/tone';
import { PanelMessage } from './PanelMessage';

export interface AccountPanelProps {
  account: AccountPanelData;
  /** Where an open opportunity's name links: its CRM record, else the extension's detail page; null for plain text. */
  linkFor: (deal: AccountDeal) => string | null;
  level?: HeadingLevel;
}

/** A figure's cell: labelled by its column's name (generated content) while the header row is hidden, a plain cell in the table. */
const CELL =
  'tabular-nums before:mr-1 before:text-slate-500 before:content-[attr(data-label)] @md:py-1 @md:pr-2 @md:before:content-none dark:before:text-slate-400';

const HEALTH_TONE: Record<HealthLevel, Tone> = { 'on-track': 'positive', 'needs-attention': 'warning', 'at-risk': 'negative' };

export function healthWord(tools: LocaleTools, level: HealthLevel): string {
  if (level === 'on-track') return tools.t('panels_account_health_onTrack');
  if (level === 'needs-attention') return tools.t('panels_account_health_needsAttention');
  return tools.t('panels_account_health_atRisk');
}

/** One figure of the panel: its label and its formatted value; `value` (data-value) is the raw number, for tests and exports. */
function Figure({ name, label, text, value }: { name: string; label: string; text: string; value: number | string | null }) {
  return (
    <div class="min-w-0" data-account-field={name} data-value={value === null ? '' : String(value)}>
      <dt class="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd class="truncate text-sm font-semibold text-slate-800 tabular-nums dark:text-slate-100">{text}</dd>
    </div>
  );
}

/**
 * An account's opportunities rolled up (issue 16; `rollUpAccount` over the store's pipeline
 * rows): its health, its open opportunities with Win Potential, Repeat Buyer Potential,
 * health and predicted close (each linking to its record), the expected won amount of the
 * open pipeline, its won and lost history, how often it bought again, its lifetime value and
 * the persona it is closest to. CRM text (names) renders as text.
 */
export function AccountPanel({ account, linkFor, level = 2 }: AccountPanelProps) {
  const tools = useLocale();
  const { t } = tools;
  const r = account.rollup;
  const dash = t('panels_account_none');
  const money = (amount: number | null, currency: string | null): string => (amount === null ? dash : tools.money(amount, currency));
  const openCurrencies = new Set(r.open.map((d) => d.currency).filter((c): c is string => c !== null));
  const openCurrency = openCurrencies.size === 1 ? ([...openCurrencies][0] as string) : null;
  const title = account.name === null ? t('panels_account_titleUnnamed') : t('panels_account_title', { name: account.name });
  const aside = account.crmUrl ? (
    <a class="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300" href={account.crmUrl} target="_top" data-action="open-account">
      {t('panels_account_openInCrm')}
    </a>
  ) : null;
  const closed = r.won + r.lost;
  return (
    // Its own size container: the overlay gives it the CRM's column (wide on Salesforce, narrow in HubSpot's sidebar), the detail page its page.
    <div class="@container">
      <Card title={title} level={level} name="account" aside={aside}>
        <div class="mb-3 flex flex-wrap items-center gap-2" data-account-field="health" data-value={r.health ?? ''}>
          <span class="text-xs text-slate-500 dark:text-slate-400">{t('panels_account_health')}</span>
          {r.health ? (
            <Badge tone={HEALTH_TONE[r.health]}>{healthWord(tools, r.health)}</Badge>
          ) : (
            <span class="text-xs text-slate-500 dark:text-slate-400">{t('panels_account_healthNone')}</span>
          )}
        </div>
        {r.open.length === 0 && closed === 0 ? <PanelMessage>{t('panels_account_empty')}</PanelMessage> : null}
        <section class="mb-3" data-account-section="open" data-count={r.open.length}>
          <h3 class="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">{t('panels_account_openTitle', { count: r.open.length })}</h3>
          {r.open.length === 0 ? (
            <p class="text-xs text-slate-500 dark:text-slate-400">{t('panels_account_noOpen')}</p>
          ) : (
            // A table where the panel is wide; in a narrow sidebar (HubSpot's left column) each deal is a block: its name on a
            // line of its own, then its figures, each labelled by its column's name (CSS generated content, as the header row is hidden there).
            <table class="block w-full text-left text-xs @md:table">
              <thead class="hidden text-slate-500 @md:table-header-group dark:text-slate-400">
                <tr>
                  <th scope="col" class="py-1 pr-2 font-medium">
                    {t('panels_account_col_name')}
                  </th>
                  <th scope="col" class="py-1 pr-2 text-right font-medium">
                    {t('panels_account_col_win')}
                  </th>
                  <th scope="col" class="py-1 pr-2 text-right font-medium">
                    {t('panels_account_col_rbp')}
                  </th>
                  <th scope="col" class="py-1 pr-2 font-medium">
                    {t('panels_account_col_health')}
                  </th>
                  <th scope="col" class="py-1 font-medium">
                    {t('panels_account_col_close')}
                  </th>
                </tr>
              </thead>
              <tbody class="block text-slate-800 @md:table-row-group dark:text-slate-100">
                {r.open.map((deal) => {
                  const href = linkFor(deal);
                  return (
                    <tr
                      key={deal.id}
                      class="flex flex-wrap items-center gap-x-3 gap-y-0.5 border-t border-slate-100 py-1.5 @md:table-row @md:py-0 dark:border-slate-800"
                      data-account-deal={deal.id}
                    >
                      <th scope="row" class="w-full truncate pr-2 font-medium @md:w-auto @md:max-w-[12rem] @md:py-1">
                        {href ? (
                          <a class="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300" href={href} target="_top" data-deal-link="">
                            {deal.name}
                          </a>
                        ) : (
                          deal.name
                        )}
                      </th>
                      <td class={`${CELL} @md:text-right`} data-label={t('panels_account_col_win')} data-value={deal.winPotential ?? ''}>
                        {deal.winPotential === null ? dash : tools.percent(shownWin(deal.winPotential))}
                      </td>
                      <td class={`${CELL} @md:text-right`} data-label={t('panels_account_col_rbp')} data-value={deal.repeatBuyerPotential ?? ''}>
                        {deal.repeatBuyerPotential === null ? dash : tools.number(Math.round(deal.repeatBuyerPotential))}
                      </td>
                      <td class={CELL} data-label={t('panels_account_col_health')} data-value={deal.health ?? ''}>
                        {deal.health ? <Badge tone={HEALTH_TONE[deal.health]}>{healthWord(tools, deal.health)}</Badge> : dash}
                      </td>
                      <td class={`${CELL} whitespace-nowrap`} data-label={t('panels_account_col_close')} data-value={deal.predictedClose ?? ''}>
                        {deal.predictedClose === null ? dash : tools.date(deal.predictedClose)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        <dl class="grid grid-cols-2 gap-3 @sm:grid-cols-3">
          <Figure name="expectedWon" label={t('panels_account_expectedWon')} text={money(r.expectedWon, openCurrency)} value={r.expectedWon} />
          <Figure name="won" label={t('panels_account_won')} text={tools.number(r.won)} value={r.won} />
          <Figure name="lost" label={t('panels_account_lost')} text={tools.number(r.lost)} value={r.lost} />
          <Figure name="winRate" label={t('panels_account_winRate')} text={r.winRate === null ? dash : tools.percent(r.winRate)} value={r.winRate} />
          <Figure name="lastWin" label={t('panels_account_lastWin')} text={r.lastWin === null ? dash : tools.date(r.lastWin)} value={r.lastWin} />
          <Figure name="lifetimeValue" label={t('panels_account_lifetimeValue')} text={money(r.lifetimeValue, r.currency)} value={r.lifetimeValue} />
          <Figure
            name="repeatPurchases"
            label={t('panels_account_repeatPurchases')}
            text={t('panels_account_repeatCount', { count: r.repeatPurchases })}
            value={r.repeatPurchases}
          />
          <Figure name="persona" label={t('panels_account_persona')} text={r.personaName ?? dash} value={r.personaId} />
        </dl>
      </Card>
    </div>
  );
}
