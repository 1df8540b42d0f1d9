/**
 * The kinds of connection the options page offers. Each connector adds one entry: the card
 * that adds a connection of its kind (a file picker, the sandbox form, a "Connect" button),
 * and optionally what an existing connection of its kind shows in its card. The
 * Salesforce and HubSpot issues append theirs here.
 */
import type { ComponentType } from 'preact';
import type { SourceKind } from '../../../lib/crm/opportunity';
import type { ConnectionRecord } from '../../../lib/store/schema';
import type { PlainKey } from '../i18n';
import { CsvConnection } from './CsvConnection';
import { HubSpotConnection, HubSpotDetails } from './HubSpotConnection';
import { LastImportDetails } from './LastImportDetails';
import { SalesforceConnection, SalesforceDetails } from './SalesforceConnection';
import { SandboxConnection } from './SandboxConnection';

export interface ConnectionKind {
  kind: SourceKind;
  /** Heading and one-line description of the "add" card. */
  title: PlainKey;
  description: PlainKey;
  /** The card's body: the controls that add (or replace) a connection of this kind. */
  Add: ComponentType;
  /** Shown inside an existing connection's card, under its counts. */
  Details?: ComponentType<{ connection: ConnectionRecord }>;
  /** How the card counts its records ("1,200 opportunities", "1,200 deals"). */
  countLabel: 'options_connectionsOpportunities' | 'options_connectionsDeals';
}

export const CONNECTION_KINDS: readonly ConnectionKind[] = [
  {
    kind: 'salesforce',
    title: 'options_salesforceTitle',
    description: 'options_salesforceDescription',
    Add: SalesforceConnection,
    Details: SalesforceDetails,
    countLabel: 'options_connectionsOpportunities',
  },
  {
    kind: 'hubspot',
    title: 'options_hubspotTitle',
    description: 'options_hubspotDescription',
    Add: HubSpotConnection,
    Details: HubSpotDetails,
    countLabel: 'options_connectionsDeals',
  },
  {
    kind: 'csv',
    title: 'options_csvTitle',
    description: 'options_csvDescription',
    Add: CsvConnection,
    Details: LastImportDetails,
    countLabel: 'options_connectionsOpportunities',
  },
  {
    kind: 'sandbox',
    title: 'options_sandboxTitle',
    description: 'options_sandboxDescription',
    Add: SandboxConnection,
    Details: LastImportDetails,
    countLabel: 'options_connectionsOpportunities',
  },
];

export function connectionKind(kind: SourceKind): ConnectionKind | undefined {
  return CONNECTION_KINDS.find((entry) => entry.kind === kind);
}
