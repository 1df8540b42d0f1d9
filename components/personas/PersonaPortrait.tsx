import { useMemo } from 'preact/hooks';
import type { Persona } from '../../lib/engine/personas';
import { cx } from '../ui/cx';
import { useLocale } from '../ui/locale';
import { initialsOf, portraitOf } from './portrait';

export interface PersonaPortraitProps {
  persona: Pick<Persona, 'id' | 'name' | 'company' | 'attributes'>;
  /** Diameter of the portrait in px; the logo is 40% of it. */
  size?: number;
  class?: string;
}

/** The persona's face with its company's logo on the lower right. Decorative: the name and company are in text beside it. */
export function PersonaPortrait({ persona, size = 56, class: className }: PersonaPortraitProps) {
  const { t } = useLocale();
  const portrait = useMemo(() => portraitOf(persona), [persona.id, persona.name, persona.attributes]);
  const logo = Math.round(size * 0.42);
  return (
    <span class={cx('relative inline-block shrink-0', className)} style={{ width: `${size}px`, height: `${size}px` }}>
      {portrait ? (
        <img
          src={portrait.avatar}
          alt={t('personas_portrait', { name: persona.name })}
          width={size}
          height={size}
          class="size-full rounded-full bg-slate-100 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700"
          data-field="avatar"
        />
      ) : (
        <span
          aria-hidden="true"
          class="flex size-full items-center justify-center rounded-full bg-indigo-100 text-base font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
        >
          {initialsOf(persona.name)}
        </span>
      )}
      {portrait ? (
        <img
          src={portrait.icon}
          alt={t('personas_companyLogo', { company: persona.company })}
          width={logo}
          height={logo}
          style={{ width: `${logo}px`, height: `${logo}px` }}
          class="absolute -right-1 -bottom-1 rounded-md bg-white ring-2 ring-white dark:bg-slate-900 dark:ring-slate-900"
          data-field="company-icon"
        />
      ) : null}
    </span>
  );
}
