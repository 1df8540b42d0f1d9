/**
 * The popup's user-facing strings (English): entrypoints/popup and components/pipeline.
 * Keys follow lib/i18n's rules (`popup_` prefix, `_locales`-safe names); `{name}` is a
 * parameter, numbers are written with lib/format and money, percentages and dates arrive
 * formatted. A `{ one, other }` message is chosen by `Intl.PluralRules` on `count`.
 */
import type { Dictionary } from '../types';

export const popup = {
  popup_appName: 'Dealsight',
  popup_tagline: 'Deal intelligence, computed in your browser',
  popup_pipelineTitle: 'Open pipeline',

  // Status line (the background's ping).
  popup_statusChecking: 'Checking the background…',
  popup_statusReady: 'Background ready · v{version}',
  popup_statusError: 'Background unavailable: {message}',
  popup_scoredAt: 'Scored {when}',
  popup_openOptions: 'Settings',
  popup_personasLink: 'Personas',

  // Connection selector.
  popup_connectionLabel: 'Data source',

  // Columns: short labels in the header, the full name for assistive tech and tooltips.
  popup_colName: 'Opportunity',
  popup_colNameFull: 'Opportunity and account',
  popup_colAmount: 'Amount',
  popup_colAmountFull: 'Amount',
  popup_colStage: 'Stage',
  popup_colStageFull: 'Stage',
  popup_colCloseDate: 'Close date',
  popup_colCloseDateFull: 'Close date in the CRM',
  popup_colRepeatBuyerPotential: 'Repeat buyer',
  popup_colRepeatBuyerPotentialFull: 'Repeat Buyer Potential (0–100)',
  popup_colWinPotential: 'Win potential',
  popup_colWinPotentialFull: 'Win Potential',
  popup_colForecastCategory: 'Forecast',
  popup_colForecastCategoryFull: 'Forecast category',
  popup_colDaysInStage: 'Days',
  popup_colDaysInStageFull: 'Days in stage',
  popup_colHealth: 'Health',
  popup_colHealthFull: 'Health (on track, needs attention, at risk)',
  popup_colPredictedClose: 'Predicted close',
  popup_colPredictedCloseFull: 'Predicted close date',
  popup_sortAscending: 'sorted ascending',
  popup_sortDescending: 'sorted descending',
  popup_gridLabel: 'Open opportunities, ranked',

  // Cells.
  popup_empty: '–',
  popup_bandHigh: 'High',
  popup_bandMedium: 'Medium',
  popup_bandLow: 'Low',
  popup_repeatBuyerOf: 'Repeat Buyer Potential {score} of 100',
  popup_repeatBuyerPersona: 'Repeat Buyer Potential {score} of 100 · aligned with {persona}',
  popup_winOf: 'Win Potential {percent} ({band})',
  popup_winToday: 'as it stands today; from its own fields alone {percent}',
  popup_slip: 'Likely to slip: the CRM close date {crm} is before the predicted range',
  popup_amountPredicted: '{amount} in the CRM · predicted {predicted}',
  popup_daysShort: '{days} d',
  popup_stalled: 'Stalled',
  popup_healthAttentionShort: 'Attention',

  // Views: the pipeline and the quick wins (lib/pipeline/quick-wins.ts states the rule).
  popup_viewsLabel: 'Views of the open pipeline',
  popup_tabPipeline: 'Pipeline',
  popup_tabQuickWins: 'Quick wins',
  popup_quickWinsRule:
    'Quick wins: Win Potential at least {bar} ({lift} × the org’s {base} win rate, at least {min}), expected to close within {days} days, not stalled and not at risk; biggest expected value (Win Potential × amount) first.',
  popup_quickWinsEmpty: 'No quick wins: no open deal is likely to win, expected to close within {days} days and moving.',
  popup_quickWinsFiltered: 'Among the {shown} of {count} open deals the pipeline’s filters keep.',
  popup_quickWinsCloses: 'Expected close: the predicted date, else the CRM’s',

  // Summary above the grid.
  popup_countAll: { one: '{count} open deal', other: '{count} open deals' },
  popup_countFiltered: '{shown} of {count} open deals',
  popup_totalAmount: '{amount} total',

  // Filters.
  popup_searchLabel: 'Search deals',
  popup_searchPlaceholder: 'Search name, account or owner',
  popup_levelLabel: 'Reporting level',
  popup_levelMe: 'Me',
  popup_levelTeam: 'My team',
  popup_levelOrg: 'Org',
  popup_ownerLabel: 'Owner',
  popup_ownerAny: 'All owners',
  popup_typeLabel: 'Type',
  popup_typeAny: 'All types',
  popup_territoryLabel: 'Territory',
  popup_territoryAny: 'All territories',
  popup_healthLabel: 'Health',
  popup_healthAny: 'Any health',
  popup_daysLabel: 'Days in stage',
  popup_daysMin: 'Min',
  popup_daysMax: 'Max',
  popup_daysTo: 'to',
  popup_clearFilters: 'Clear filters',
  popup_meLabel: 'You are',
  popup_meNone: 'Choose…',
  popup_mePrompt: 'Which owner are you?',
  popup_mePromptHelp: 'Dealsight has no login. Pick your name once to see your deals and your team’s; you can change it here any time.',
  popup_meChoose: 'Choose your name',

  // Saved segments.
  popup_segmentLabel: 'Saved segment',
  popup_segmentNone: 'Saved segments…',
  popup_segmentSave: 'Save',
  popup_segmentSaveTitle: 'Save the current filters as a segment',
  popup_segmentNameLabel: 'Segment name',
  popup_segmentNamePlaceholder: 'e.g. My team’s renewals',
  popup_segmentConfirm: 'Save segment',
  popup_segmentCancel: 'Cancel',
  popup_segmentDelete: 'Delete segment “{name}”',
  popup_segmentNameEmpty: 'Give the segment a name.',
  popup_segmentNameTooLong: 'Keep the name under {max} characters.',
  popup_segmentNameDuplicate: 'A segment with this name already exists.',
  popup_segmentSaveFailed: 'The segment could not be saved: {message}',
  popup_segmentDeleteFailed: 'The segment could not be deleted: {message}',

  // States.
  popup_loading: 'Loading the pipeline…',
  popup_emptyTitle: 'No pipeline yet',
  popup_emptyBody: 'Dealsight ranks your open deals once it has your CRM data. Everything stays in this browser.',
  popup_emptyAction: 'Import a CSV or try sandbox data',
  popup_notSyncedTitle: 'Not scored yet',
  popup_notSyncedBody: '{connection} has no scored open deals yet.',
  popup_notSyncedAction: 'Open settings',
  popup_noOpenDeals: 'No open deals in {connection}.',
  popup_noMatches: 'No open deals match these filters.',
  popup_notEnoughTitle: 'Not enough closed deals for Win Potential yet',
  popup_notEnoughCounts: 'Trained on {won} won and {lost} lost deals.',
  popup_outOfDateTitle: 'Scores are out of date',
  popup_outOfDateBody: 'The data changed since the models were trained. They will be retrained on the next sync.',
  popup_retrain: 'Retrain now',
  popup_jobTitle: 'Updating the pipeline',
  popup_jobQueued: 'Waiting to start…',
  popup_jobProgress: '{done} of {total}',
  popup_jobFailed: 'The last job failed: {message}',
  popup_errorTitle: 'The pipeline could not be loaded',
  popup_retry: 'Try again',
  popup_openFailed: 'The record could not be opened: {message}',
} as const satisfies Dictionary;

export type PopupKey = keyof typeof popup;
