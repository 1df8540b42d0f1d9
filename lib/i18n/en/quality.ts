/**
 * The model-quality page's strings (English): entrypoints/quality, components/quality
 * (the "Model quality" tab) and components/insights (the "Pipeline insights" tab). Keys
 * follow lib/i18n's rules (`quality_` prefix, `_locales`-safe names). Percentages and
 * dates arrive formatted; `{count}` picks the plural form.
 */
import type { Dictionary } from '../types';

export const quality = {
  quality_appName: 'Dealsight',
  quality_pageTitle: 'Model quality · Dealsight',
  quality_heading: 'Model quality and pipeline insights',
  quality_popupLink: 'Quality',
  quality_popupLinkFull: 'Model quality and pipeline insights',
  quality_tabsLabel: 'Report',
  quality_tabQuality: 'Model quality',
  quality_tabInsights: 'Pipeline insights',
  quality_connectionLabel: 'Data source',
  quality_trainedAt: 'Trained {when} on {closed} closed deals',
  quality_openSettings: 'Open settings',

  // States.
  quality_loading: 'Loading the quality report…',
  quality_errorTitle: 'The report could not be read',
  quality_noDataTitle: 'No data yet',
  quality_noDataBody:
    'Import a CSV file, connect Salesforce or try the sandbox data in the settings. The report appears once Dealsight has trained on your closed deals.',
  quality_notTrainedTitle: 'Not trained yet',
  quality_notTrainedBody: '{connection} has data but no trained models yet. Training runs after every import or sync.',
  quality_noReportTitle: 'No quality report for this training',
  quality_noReportBody: 'These models were trained before Dealsight kept a quality report. Retrain to see it.',
  quality_retrain: 'Retrain now',
  quality_retrainStarted: 'Retraining started: the report refreshes when it is done.',
  quality_retrainFailed: 'Could not start retraining: {error}',
  quality_outOfDate: 'The data changed since this training: the numbers describe the deals as they were then.',

  // Data sufficiency.
  quality_sufficiencyTitle: 'Data sufficiency',
  quality_notEnoughTitle: 'Not enough closed deals to judge Win Potential yet',
  quality_notEnoughBody: 'Win Potential learns from closed deals: it needs at least {min} won and {min} lost ones. Until then there is no model to backtest.',
  quality_meterWins: 'Won deals',
  quality_meterLosses: 'Lost deals',
  quality_meterValue: '{have} of {need}',
  quality_meterValueEnough: '{have} (at least {need})',
  quality_meterNeeded: { one: '{count} more needed', other: '{count} more needed' },
  quality_meterEnough: 'Enough',
  quality_enoughBody: 'Enough closed deals to train: {won} won and {lost} lost (at least {min} of each).',

  // Backtest in plain words.
  quality_backtestTitle: 'Backtest on the newest closed deals',
  quality_backtestClosedSince:
    'Had you used Dealsight on the {test} deals closed since {since}, with a model trained only on the {train} deals closed before them:',
  quality_backtestCreatedSince:
    'Had you used Dealsight on the {test} deals created since {since}, with a model trained only on the {train} created before them:',
  quality_backtestNoDates:
    'Had you used Dealsight on the newest {test} closed deals (the data has no dates: they are the last in the data), with a model trained only on the {train} before them:',
  quality_backtestTopFifth:
    'the top-scored fifth of those deals ({deals}) won {top} of the time, against {overall} for all of them and {bottom} for the bottom fifth;',
  quality_backtestRanking: 'given one won and one lost deal, Dealsight scored the won one higher {auc} of the time (50% would be a coin toss);',
  quality_backtestCalibration:
    'the calibration says: it predicted {predicted} wins on average and {observed} were won; band by band, its probabilities were off by {gap} points on average.',
  quality_backtestMissingTitle: 'No backtest',
  quality_backtestSame: 'These are the numbers “dealsight evaluate --split time” prints for the same data.',
  quality_metricAuc: 'ROC AUC',
  quality_metricAucHint: 'Higher is better; 0.500 is chance',
  quality_metricBrier: 'Brier score',
  quality_metricBrierHint: 'Lower is better; the base rate alone scores {baseline}',
  quality_metricLogLoss: 'Log loss',
  quality_metricLogLossHint: 'Lower is better; the base rate alone scores {baseline}',
  quality_metricTest: 'Deals tested',
  quality_metricTestHint: 'Trained on the {train} older ones',

  // Calibration plot.
  quality_calibrationTitle: 'Calibration',
  quality_calibrationBody:
    'Each point is a band of predicted probability: across, what Dealsight predicted on average; up, the share of those deals that was won. On the dashed diagonal, predictions and outcomes agree.',
  quality_calibrationAlt: 'Reliability curve of the {test} test deals: predicted win probability across, share won up, one point per band of 10 points',
  quality_calibrationX: 'Predicted win probability',
  quality_calibrationY: 'Share won',
  quality_calibrationPerfect: 'Perfect calibration',
  quality_calibrationPoint: {
    one: '{from}–{to}: {count} deal, predicted {predicted}, {observed} won',
    other: '{from}–{to}: {count} deals, predicted {predicted} on average, {observed} won',
  },

  // Lift.
  quality_liftTitle: 'Lift by decile',
  quality_liftBody:
    'The test deals ranked by their score and cut into tenths, highest first: the share of each tenth that was won. Lift is that share over the overall one.',
  quality_liftAlt: 'Win rate of each tenth of the {test} test deals, highest scores first; the top tenth won {rate}, {lift} times the overall rate',
  quality_liftX: 'Tenths of the test deals, highest score first',
  quality_liftY: 'Share won',
  quality_liftOverall: 'All test deals: {rate} won',
  quality_liftBar: { one: 'Tenth {group}: {count} deal, {rate} won, lift {lift}×', other: 'Tenth {group}: {count} deals, {rate} won, lift {lift}×' },
  quality_liftTableGroup: 'Tenth',
  quality_liftTableDeals: 'Deals',
  quality_liftTableWon: 'Won',
  quality_liftTableLift: 'Lift',
  quality_liftTableCaption: 'Lift by decile, as a table',

  // Feature importance.
  quality_importanceTitle: 'What Win Potential leans on',
  quality_importanceBody: 'Share of the model’s learning each field accounts for (the forest’s split gain), over all {closed} closed deals.',
  quality_importanceMore: { one: 'and {count} more field', other: 'and {count} more fields' },

  // Drift.
  quality_driftTitle: 'Open pipeline against the training data',
  quality_driftWarnTitle: 'The open pipeline has moved away from the deals the model learned from',
  quality_driftWarnBody:
    'Moved: {names}. Scores of open deals that differ in these are less certain; retrain once more such deals have closed, and check that the field is filled the same way on open deals.',
  quality_driftStable: 'The open pipeline looks like the closed deals the model learned from: no attribute’s index is above {warn}.',
  quality_driftExplain:
    'Population stability index (PSI) of each attribute between the {closed} closed deals and the {open} open ones: under {watch} is stable, {watch} to {warn} has moved somewhat, above {warn} has moved.',
  quality_driftNone: 'No drift check: {message}',
  quality_driftLevel_stable: 'Stable',
  quality_driftLevel_watch: 'Moved somewhat',
  quality_driftLevel_moved: 'Moved',
  quality_driftShift: '{bucket}: {closed} of closed, {open} of open',
  quality_driftEmpty: '(empty)',
  quality_driftBelow: 'up to {to}',
  quality_driftAbove: 'over {from}',
  quality_driftRange: '{from} to {to}',
  quality_driftSkipped: 'Not compared: {label}, because {reason}.',
  quality_colAttribute: 'Attribute',
  quality_colPsi: 'PSI',
  quality_colStatus: 'Status',
  quality_colMove: 'Largest move',

  // Pipeline insights.
  quality_insightsHistTitle: 'Win Potential of the open pipeline',
  quality_insightsHistAlt: 'Histogram of the {deals} scored open deals by Win Potential, in bands of 10 points',
  quality_insightsHistX: 'Win Potential',
  quality_insightsHistY: 'Open deals',
  quality_insightsHistBar: { one: '{from}–{to}: {count} open deal', other: '{from}–{to}: {count} open deals' },
  quality_insightsHistSummary: { one: '{count} open deal scored.', other: '{count} open deals scored; half are above {median}.' },
  quality_insightsUnscored: { one: '{count} open deal has no Win Potential.', other: '{count} open deals have no Win Potential.' },
  quality_insightsByPersona: 'Open pipeline by persona',
  quality_insightsByType: 'Open pipeline by type',
  quality_insightsByTerritory: 'Open pipeline by territory',
  quality_colDeals: 'Deals',
  quality_colAmount: 'Amount',
  quality_colMeanWin: 'Avg. Win Potential',
  quality_colExpected: 'Expected won',
  quality_colPersona: 'Persona',
  quality_colType: 'Type',
  quality_colTerritory: 'Territory',
  quality_noPersona: '(no persona)',
  quality_noType: '(no type)',
  quality_noTerritory: '(no territory)',
  quality_otherCurrency: { one: '+{count} deal in another currency', other: '+{count} deals in other currencies' },
  quality_breakdownMore: { one: 'and {count} more group', other: 'and {count} more groups' },
  quality_personaWinTitle: 'Win rate by persona',
  quality_personaWinBody: 'Closed deals aligned with each Repeat Buyer Persona, and the share of them won. All closed deals: {rate}.',
  quality_personaWinRow: '{rate} of {closed} closed',
  quality_personaOpen: { one: '{count} open deal', other: '{count} open deals' },
  quality_personaNoRate: 'No aligned closed deals',
  quality_noPersonas: 'No Repeat Buyer Personas yet.',
  quality_noOpenDeals: 'There are no open deals in {connection}.',
  quality_insightsCount: '{shown} of {count} open deals, by the filters above',
  quality_noMatches: 'No open deals match these filters.',
  quality_metricEce: 'Calibration error (ECE)',
  quality_metricEceHint: 'mean gap over 10 equal groups; chance alone gives about {floor}',
  quality_metricEceHintOld: 'mean gap over 10 equal-width bands (retrain for equal groups)',
  quality_modelTitle: 'How the model was chosen',
  quality_configForest: 'the forest alone',
  quality_configLinear: 'the linear model alone',
  quality_configBlend: 'a blend of {forest} forest and {linear} linear model',
  quality_configOnly: 'Win Potential is served by {config}.',
  quality_configChosen:
    'Win Potential is served by {config}: of the forest, a regularized linear model and blends of the two, it predicted the training deals best on their out-of-bag and out-of-fold predictions (log loss {loss}; the forest alone {forest}, the linear model alone {linear}).',
  quality_setAsideTitle: 'Set aside as known only at the close',
  quality_setAsideNone: 'No field was set aside as known only at the close.',
  quality_setAsideHint: 'A field set aside by mistake can be put back in the options page’s field mappings.',
  quality_replayTitle: 'Win Potential as of past days',
  quality_replayNone: 'Nothing to replay yet.',
  quality_replayBody: {
    one: 'On {count} past day, from {from} to {to}, the deals open that day were scored by models of the deals closed before it, and judged on how they ended: {deals} scores in all.',
    other:
      'On {count} past days, from {from} to {to}, the deals open each day were scored by models of the deals closed before it, and judged on how they ended: {deals} scores in all.',
  },
  quality_replayHeadline: 'Scored as they stood then, they ranked at AUC {auc}, and the top tenth won {lift} times as often as all.',
  quality_replayAsOf: 'As it stood that day',
  quality_replayStageBlind: 'Stage-blind (its own fields)',
  quality_replayCrm: 'The CRM’s probability',
  quality_replayAlt: { one: 'ROC AUC of each way of scoring on {count} past day', other: 'ROC AUC of each way of scoring on each of {count} past days' },
  quality_replayY: 'ROC AUC',
  quality_replayPoint: { one: '{contender}, {date}: AUC {auc} on {count} deal', other: '{contender}, {date}: AUC {auc} on {count} deals' },
  quality_replayTableCaption: 'All days together ({deals} scores)',
  quality_replayTableWho: 'Scored by',
  quality_replayTableLift: 'Top tenth',
} as const satisfies Dictionary;

export type QualityKey = keyof typeof quality;
