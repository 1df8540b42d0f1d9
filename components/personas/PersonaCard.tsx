import { useId } from 'preact/hooks';
import type { Persona } from '../../lib/engine/personas';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { useLocale } from '../ui/locale';
import { FindLeads, type LeadActions } from './FindLeads';
import { PersonaPortrait } from './PersonaPortrait';
import { personaPhrase } from './phrase';

export interface PersonaCardProps {
  persona: Persona;
  leads: LeadActions;
  onShowDetails: (personaId: string) => void;
  /** Open the Find leads panel from the start (screenshots). */
  leadsOpen?: boolean;
}

/**
 * One Repeat Buyer Persona as a card: the generated person and company with their portrait
 * and logo, the top attributes as a phrase, how many won deals it stands for, how often its
 * accounts buy again and what they are worth, and the ways on (details, Find leads).
 */
export function PersonaCard({ persona, leads, onShowDetails, leadsOpen }: PersonaCardProps) {
  const tools = useLocale();
  const { t } = tools;
  const id = useId();
  const phrase = personaPhrase(t, persona.attributes);
  return (
    <article
      aria-labelledby={`${id}-name`}
      class="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-700/80 dark:bg-slate-900 dark:shadow-none"
      data-persona-card={persona.id}
    >
      <header class="flex items-start gap-3">
        <PersonaPortrait persona={persona} size={56} />
        <div class="min-w-0 flex-1">
          <h3 id={`${id}-name`} class="text-base leading-tight font-semibold break-words text-slate-900 dark:text-white" data-field="persona-name">
            {persona.name}
          </h3>
          <p class="mt-0.5 text-[0.8125rem] break-words text-slate-600 dark:text-slate-300" data-field="persona-company">
            {persona.company}
          </p>
          <Badge tone="neutral" class="mt-1.5">
            {persona.level === 'team' && persona.team ? t('personas_level_team', { team: persona.team }) : t('personas_level_org')}
          </Badge>
        </div>
      </header>

      <p class="text-[0.8125rem] leading-snug break-words text-slate-700 dark:text-slate-200" data-field="persona-phrase">
        {phrase || <span class="text-slate-500 italic dark:text-slate-400">{t('personas_noPhrase')}</span>}
      </p>

      <dl class="grid grid-cols-3 gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Stat
          label={t('personas_statSize')}
          value={tools.number(persona.size)}
          detail={t('personas_statShare', { share: tools.percent(persona.share) })}
          name="size"
        />
        <Stat
          label={t('personas_statRepeat')}
          value={persona.repeatRate === null ? t('personas_statNone') : tools.percent(persona.repeatRate)}
          title={persona.repeatRate === null ? t('personas_statRepeatNone') : undefined}
          name="repeat-rate"
        />
        <Stat
          label={t('personas_statLtv')}
          value={persona.lifetimeValue === null ? t('personas_statNone') : tools.money(persona.lifetimeValue, persona.currency, true)}
          title={persona.lifetimeValue === null ? t('personas_statLtvNone') : tools.money(persona.lifetimeValue, persona.currency)}
          name="lifetime-value"
        />
      </dl>

      <footer class="mt-auto flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" class="-ml-2" onClick={() => onShowDetails(persona.id)} data-action="details">
          {t('personas_showDetails')}
        </Button>
        <FindLeads persona={persona} actions={leads} defaultOpen={leadsOpen} />
      </footer>
    </article>
  );
}

function Stat({ label, value, detail, title, name }: { label: string; value: string; detail?: string; title?: string; name: string }) {
  return (
    <div class="min-w-0" title={title} data-stat={name}>
      <dt class="text-[0.6875rem] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd class="mt-0.5 text-base font-semibold text-slate-900 tabular-nums dark:text-white">{value}</dd>
      {detail ? <dd class="text-xs text-slate-500 dark:text-slate-400">{detail}</dd> : null}
    </div>
  );
}
