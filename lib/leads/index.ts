/**
 * Lead search from a persona: filters drawn from its attributes (only those ever leave the
 * browser), Apollo's people-search URL, and Seamless.AI's contact search with a clipboard
 * summary. Pure functions; the personas page opens the URLs and writes the clipboard.
 */
export { leadFilters, leadFilterReport, enabledOfKind, type LeadFilter, type LeadFilterKind, type LeadFilterReport } from './filters';
export { screenValues, isPersonField, SHOWN_LENGTH, type DroppedValue, type DropReason } from './attribute-guard';
export { apolloSearchUrl, apolloEmployeeRanges, APOLLO_EMPLOYEE_BUCKETS, APOLLO_PEOPLE_SEARCH } from './apollo';
export { apolloIndustryTagId, normalizeIndustry, APOLLO_INDUSTRY_TAG_IDS, APOLLO_INDUSTRY_ALIASES } from './apollo-industries';
export { seamlessSearchUrl, seamlessClipboardSummary, SEAMLESS_CONTACT_SEARCH } from './seamless';
export { seniorityOf, senioritiesOf, APOLLO_SENIORITIES, SENIORITY_LABELS, type ApolloSeniority } from './seniority';
export { isShareable, shareableValues, looksLikeEmail, looksLikePhoneNumber, MAX_VALUE_LENGTH } from './privacy';
export { employeeRangeLabel, revenueRangeLabel, compactAmount, headCountBounds } from './format';
