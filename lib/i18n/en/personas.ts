/**
 * The personas page's strings (entrypoints/personas, components/personas), English.
 * Keys follow lib/i18n's rules: `personas_` prefix, `_locales`-safe names, `{name}`
 * parameters (money, percentages and dates arrive formatted), `{ one, other }` chosen by
 * Intl.PluralRules on `count`. CRM text and persona values only ever fill a parameter.
 */
import type { Dictionary } from '../types';

export const personas = {
  personas_pageTitle: 'Repeat Buyer Personas · Dealsight',
  personas_brand: 'Dealsight',
  personas_heading: 'Repeat Buyer Personas',
  personas_intro: 'Who buys from you and buys again, drawn from your won deals. Computed in your browser.',
  personas_settings: 'Settings',
  personas_connectionLabel: 'Data source',
  personas_refreshing: 'Updating…',

  // Reporting level.
  personas_levelLabel: 'Reporting level',
  personas_levelOrg: 'Whole org',
  personas_levelTeam: 'Team',
  personas_teamLabel: 'Team',
  personas_noTeams: 'No team has enough wins of its own for team personas: every team is measured against the org’s personas.',

  // Tabs.
  personas_tabsLabel: 'Views',
  personas_tabCards: 'Personas',
  personas_tabDetails: 'Details',

  // Persona phrases: one readable part per attribute ("VP Operations buyers").
  personas_phrase_employees: '{value} employees',
  personas_phrase_revenue: '{value} annual revenue',
  personas_phrase_buyerTitle: '{value} buyers',
  personas_phrase_buyerRole: '{value} as buyer role',
  personas_phrase_product: 'buys {value}',
  personas_phrase_other: '{label}: {value}',
  personas_phrase_separator: ' · ',

  // Cards.
  personas_cardsLabel: 'Persona cards',
  personas_companyLogo: 'Logo of {company}',
  personas_portrait: 'Portrait of {name}',
  personas_level_org: 'Org persona',
  personas_level_team: 'Team persona · {team}',
  personas_statSize: 'Won deals',
  personas_statShare: '{share} of wins',
  personas_statRepeat: 'Buys again',
  personas_statLtv: 'Lifetime value',
  personas_statNone: 'no data',
  personas_statRepeatNone: 'No upsell, cross-sell or renewal deals in the data',
  personas_statLtvNone: 'No amounts in the data',
  personas_showDetails: 'Details',
  personas_noPhrase: 'No attribute sets this persona apart.',

  // Find leads.
  personas_findLeads: 'Find leads',
  personas_findLeadsTitle: 'Find leads like {name}',
  personas_provider: 'Search with',
  personas_providerApollo: 'Apollo',
  personas_providerSeamless: 'Seamless.AI',
  personas_filtersLegend: 'Filters to use',
  personas_filtersHint: 'Untick a filter to leave it out of the search.',
  personas_noFilters: 'This persona’s attributes (product, buyer role, custom fields) have no lead-search filter.',
  personas_noneTicked: 'No filter ticked: the search opens without filters.',
  personas_privacy: 'Only the ticked persona attributes leave your browser. No CRM record, name or amount is sent.',
  personas_revenueNote: 'Apollo reads revenue in US dollars; untick it if your CRM uses another currency.',
  personas_apolloNote: 'Opens Apollo’s people search in a new tab with these filters.',
  personas_seamlessNote:
    'Seamless.AI opens its contact search with the job titles filled in. The other filters are copied to your clipboard: paste them into the matching filters in Seamless.AI’s search panel.',
  personas_openApollo: 'Open Apollo',
  personas_openSeamless: 'Copy filters and open Seamless.AI',
  personas_copied: 'Filters copied to the clipboard. Paste each line into the filter of the same name in Seamless.AI.',
  personas_copyFailed: 'Could not copy to the clipboard ({error}). Copy the filters below by hand.',
  personas_opened: 'Opened {provider} in a new tab.',
  personas_openFailed: 'Could not open {provider}: {error}',
  personas_showUrl: 'Address that will open',
  personas_droppedLegend: 'Left out of the search',
  personas_droppedHint: 'Lead searches carry attributes of the buyer’s role and company, never a person. These values did not look like one:',
  personas_dropped_personField: '{field}: the whole field, as its name says it holds a person’s details',
  personas_dropped_contactData: '{field}: a value that looks like an email address or a phone number',
  personas_dropped_tooLong: '{field}: “{value}” is free text, not a category',
  personas_dropped_notATitle: '{field}: “{value}” does not read as a job title',
  personas_dropped_notAnIndustry: '{field}: “{value}” is not an industry the lead tools know',
  personas_dropped_notACountry: '{field}: “{value}” is not a country',
  personas_dropped_notARegion: '{field}: “{value}” is not a state or province Dealsight knows',
  personas_close: 'Close',

  // Details.
  personas_pickPersona: 'Persona',
  personas_detailsAttributes: 'What sets this persona apart',
  personas_detailsAttributesHint:
    'Importance: how much more common the value is in this persona than in all won deals (bar), with the persona’s share against all wins.',
  personas_attrImportance: 'Importance {weight}',
  personas_attrShare: '{share} of this persona · {base} of all wins · {lift}× as common',
  personas_attrRange: 'Range: {range}',
  personas_attrNear: 'counts half {near}',
  personas_rangeBetween: 'over {min}, up to {max}',
  personas_rangeAbove: 'over {min}',
  personas_rangeBelow: 'up to {max}',
  personas_rangeAny: 'any value',
  personas_spreadTitle: 'How won deals spread across personas',
  personas_spreadHint: 'Won deals behind each persona of this level ({basis}).',
  personas_spreadBasisNew: 'first purchases by new customers',
  personas_spreadBasisAll: 'all wins',
  personas_spreadBar: '{name}: {deals} won deals, {share}',
  personas_winRateTitle: 'Win rate of aligned closed deals',
  personas_winRateBody: {
    one: '{rate} of the {count} closed deal aligned with this persona (Repeat Buyer Potential of 50 or more) was won.',
    other: '{rate} of the {count} closed deals aligned with this persona (Repeat Buyer Potential of 50 or more) were won.',
  },
  personas_winRateNone: 'No closed deal aligns with this persona yet, so there is no win rate.',
  personas_winRateHonest: 'Measured on closed deals, since open deals have no outcome yet. Across all closed deals, {rate} were won.',
  personas_winRateHonestNoBase: 'Measured on closed deals, since open deals have no outcome yet.',
  personas_openAligned: 'Open deals closest to this persona',
  personas_openAlignedNone: 'No open deal has this persona as its closest one.',
  personas_openAlignedScore: 'Repeat Buyer Potential {score}',
  personas_recentWins: 'Recent wins of this persona',
  personas_recentWinsNone: 'No recent wins recorded.',
  personas_openIn: 'Opens in {where}',
  personas_whereCrm: 'Salesforce',
  personas_whereDetail: 'Dealsight’s detail page',

  // States.
  personas_loading: 'Loading personas…',
  personas_noDataTitle: 'No data yet',
  personas_noDataBody: 'Import a CSV export, load sandbox data or connect Salesforce in the settings. Personas are drawn from your won deals.',
  personas_openSettings: 'Open settings',
  personas_notTrainedTitle: 'Not analysed yet',
  personas_notTrainedBody: '{connection} has data, but Dealsight has not analysed it yet.',
  personas_jobRunning: '{step}…',
  personas_notEnoughTitle: 'Not enough won deals for personas',
  personas_notEnoughCounts: '{won} won and {lost} lost deals so far.',
  personas_notEnoughFallback: 'Repeat Buyer Personas need at least 30 won deals.',
  personas_noPersonasTitle: 'No personas at this level',
  personas_noPersonasBody: 'The won deals have no attribute that describes the buyers (industry, size, country, title…).',
  personas_errorTitle: 'Could not load the personas',
  personas_outOfDate: 'The data changed since these personas were drawn. They update after the next training.',
} as const satisfies Dictionary;

export type PersonasKey = keyof typeof personas;
