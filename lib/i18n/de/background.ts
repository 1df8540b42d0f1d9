/** The background's own replies (entrypoints/background), German: every key of ../en/background.ts. */
import type { background as en } from '../en/background';
import type { Translation } from '../types';

export const background = {
  background_notARecord: 'Diese Seite ist kein Opportunity- oder Deal-Datensatz.',
  background_notAnAccount: 'Diese Seite ist kein Account- oder Unternehmensdatensatz.',
  background_noRecordData:
    'Für diesen Datensatz gibt es noch keine Daten: Importieren Sie einen CSV-Export, laden Sie Sandbox-Daten oder verbinden Sie Ihr CRM in den Einstellungen.',
  background_noAccountData:
    'Für diesen Account gibt es noch keine Daten: Importieren Sie einen CSV-Export, laden Sie Sandbox-Daten oder verbinden Sie Ihr CRM in den Einstellungen.',
  background_notConnected: 'Keine Verbindung zu {crm} ({place} {id}).',
  background_noTrainData: 'Für {connection} gibt es keine Daten zum Trainieren.',
  background_badUploadId: 'Die Upload-ID muss eine positive ganze Zahl sein.',
  background_badSeed: 'Der Sandbox-Seed muss eine ganze Zahl von {min} bis {max} sein.',
  background_badSize: 'Eine Sandbox-Org hat {min} bis {max} Opportunities.',
  background_dailySkipped: 'Tägliche Synchronisierung mit {crm} übersprungen: {why}',
  background_signInClosed: 'Das Anmeldefenster wurde ohne Antwort geschlossen.',
  background_noAnswer: 'Der Hintergrunddienst hat nicht geantwortet.',
} as const satisfies Translation<typeof en>;
