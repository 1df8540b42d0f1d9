/** The sandbox CRM generator: the entry points the CLI, the benchmarks and the tests use. */
export { generateSandbox, SANDBOX_DEFAULTS, type GenerateSandboxOptions } from './generate';
export { toSalesforceReportCsv, salesforceReportRow, SALESFORCE_REPORT_HEADER } from './salesforce-report';
export { winLogit, winProbability, WIN_COEFFICIENTS } from './win-probability';
export { personaFit, employeeBandIndex, EMPLOYEE_BANDS, PERSONA_TEMPLATES, PERSONA_ATTRIBUTE_WEIGHTS } from './personas';
export { SALESFORCE_STAGES, SALESFORCE_TYPE_LABELS, stageDefinition, type StageDefinition } from './stages';
export { caseSafeId, KEY_PREFIX } from './ids';
export type * from './types';
