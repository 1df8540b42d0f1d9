/**
 * Where an open deal stands, in the user's language: the as-of model's reasons
 * (lib/engine/asof/score.ts `StandingFact`) worded from the panels' dictionary. The engine's
 * own English phrase (`factPhrase`) is what the CLI prints and what older panels stored.
 */
import type { StandingFact } from '../../lib/engine/asof/score';
import type { LocaleTools } from '../ui/locale';

export function standingText(tools: LocaleTools, fact: StandingFact): string {
  const { t } = tools;
  const stage = ('stage' in fact ? fact.stage : null) ?? t('panels_standing_unknownStage');
  switch (fact.kind) {
    case 'stage':
      return fact.step === null ? t('panels_standing_stage', { stage }) : t('panels_standing_stageStep', { stage, step: fact.step, steps: fact.steps });
    case 'daysInStage': {
      const head = t('panels_standing_daysInStage', { stage, count: fact.days });
      if (fact.longerThanMostWon) return t('panels_standing_longerThanWon', { head });
      return fact.medianDays === null ? head : t('panels_standing_wonMedian', { head, count: fact.medianDays });
    }
    case 'visits':
      return fact.visits > 1 ? t('panels_standing_visitAgain', { stage, count: fact.visits }) : t('panels_standing_firstVisit', { stage });
    case 'stagesEntered':
      return t('panels_standing_stagesEntered', { count: fact.count });
    case 'stepsBack':
      return fact.count === 0 ? t('panels_standing_neverBack') : t('panels_standing_stepsBack', { count: fact.count });
    case 'pace':
      return fact.ratio === null
        ? t('panels_standing_firstStage')
        : t('panels_standing_pace', { times: tools.number(fact.ratio, Number.isInteger(fact.ratio) ? 0 : 1) });
    case 'age':
      return t('panels_standing_age', { count: fact.days });
    case 'pushes':
      return fact.pushes === 0
        ? t('panels_standing_neverPushed')
        : t('panels_standing_pushed', { count: fact.pushes, days: t('panels_standing_days', { count: fact.days }) });
    case 'daysToClose':
      if (fact.days === null) return t('panels_standing_noCloseDate');
      return fact.days < 0 ? t('panels_standing_closePassed', { count: -fact.days }) : t('panels_standing_closeIn', { count: fact.days });
    case 'amountChange':
      if (fact.change === null || fact.change === 1) return t('panels_standing_amountAsEntered');
      return fact.change > 1
        ? t('panels_standing_amountRaised', { percent: tools.percent(fact.change - 1) })
        : t('panels_standing_amountCut', { percent: tools.percent(1 - fact.change) });
  }
}
