/** The job runner's and queue's strings (lib/jobs), German: every key of ../en/jobs.ts. */
import type { jobs as en } from '../en/jobs';
import type { Translation } from '../types';

export const jobs = {
  jobs_step_import: 'CSV-Datei wird gelesen',
  jobs_step_sandbox: 'Sandbox-Daten werden generiert',
  jobs_step_store: 'Opportunities werden gespeichert',
  jobs_step_win: 'Gewinnchance wird trainiert',
  jobs_step_personas: 'Wiederkäufer-Personas werden ermittelt',
  jobs_step_forecast: 'Prognosen für Abschlussdatum und Betrag werden trainiert',
  jobs_step_similar: 'Ähnliche Deals werden indexiert',
  jobs_step_score: 'Opportunities werden bewertet',
  jobs_step_quality: 'Backtest der Gewinnchance auf den neuesten abgeschlossenen Deals',
  jobs_step_sync: 'Synchronisierung mit {crm}',

  jobs_during_import: 'beim Lesen der CSV-Datei',
  jobs_during_sandbox: 'beim Generieren der Sandbox-Daten',
  jobs_during_store: 'beim Speichern der Opportunities',
  jobs_during_win: 'beim Trainieren der Gewinnchance',
  jobs_during_personas: 'beim Ermitteln der Wiederkäufer-Personas',
  jobs_during_forecast: 'beim Trainieren der Prognosen für Abschlussdatum und Betrag',
  jobs_during_similar: 'beim Indexieren ähnlicher Deals',
  jobs_during_score: 'beim Bewerten der Opportunities',
  jobs_during_quality: 'beim Backtest der Gewinnchance',
  jobs_during_sync: 'bei der Synchronisierung mit {crm}',

  jobs_cancelled: 'Abgebrochen',

  jobs_summary_imported: { one: '{count} Opportunity aus {file} importiert.', other: '{count} Opportunities aus {file} importiert.' },
  jobs_summary_importedRejected: {
    one: '{count} Opportunity aus {file} importiert, {rejected} Zeilen abgelehnt.',
    other: '{count} Opportunities aus {file} importiert, {rejected} Zeilen abgelehnt.',
  },
  jobs_summary_sandbox: { one: '{count} Sandbox-Opportunity generiert.', other: '{count} Sandbox-Opportunities generiert.' },
  jobs_summary_trained: 'Trainiert auf {closed} abgeschlossenen Deals ({won} gewonnen); {open} offene Deals bewertet.',
  jobs_summary_noWin: 'Die Gewinnchance braucht mehr abgeschlossene Deals.',
  jobs_summary_personas: { one: '{count} Wiederkäufer-Persona.', other: '{count} Wiederkäufer-Personas.' },
  jobs_sync_summary: '{how}: {parts}; {stored} gespeichert.',
  jobs_sync_full: 'Vollständige Synchronisierung',
  jobs_sync_fullResumed: 'Vollständige Synchronisierung (fortgesetzt)',
  jobs_sync_incremental: 'Inkrementelle Synchronisierung',
  jobs_sync_incrementalResumed: 'Inkrementelle Synchronisierung (fortgesetzt)',
  jobs_sync_changedOpportunities: { one: '{count} Opportunity neu oder geändert', other: '{count} Opportunities neu oder geändert' },
  jobs_sync_changedDeals: { one: '{count} Deal neu oder geändert', other: '{count} Deals neu oder geändert' },
  jobs_sync_deleted: '{count} gelöscht',
  jobs_sync_archived: '{count} archiviert',
  jobs_sync_dropped: '{count} vor dem {date} abgeschlossene entfernt',
  jobs_sync_rejected: '{count} abgelehnt',

  jobs_error_noRows: '{file}: Die Datei hat eine Kopfzeile, aber keine Datenzeilen',
  jobs_error_allRejected: '{file}: keine verwendbaren Opportunities; jede Zeile wurde abgelehnt (erste: Zeile {line}: {reason})',
  jobs_error_noData: 'Für {connection} gibt es noch keine Daten: Importieren Sie zuerst eine Datei oder laden Sie Sandbox-Daten',
  jobs_error_crashed: 'Der Engine-Worker ist abgestürzt: {detail}',
  jobs_error_unknown: 'unbekannter Fehler',
  jobs_error_unreadable: 'Der Engine-Worker hat eine Nachricht gesendet, die nicht gelesen werden konnte',
  jobs_error_retrying: '{error}; neuer Versuch',
  jobs_error_stalled: 'Seit {duration} kein Fortschritt: Dealsight hat den Auftrag angehalten, damit die anderen laufen können',
  jobs_error_stalledWhile: 'Seit {duration} kein Fortschritt {during}: Dealsight hat den Auftrag angehalten, damit die anderen laufen können',
  jobs_error_engineFailed: 'Die Engine konnte den Auftrag nicht ausführen: {error}',
  jobs_error_engineSilent:
    'Die Engine antwortet nicht mehr: seit {duration} keine Meldung. Dealsight hat den Auftrag angehalten, damit die anderen laufen können.',
  jobs_error_noJob: 'Es gibt keinen Auftrag {id}.',

  jobs_duration_ms: '{count} ms',
  jobs_duration_seconds: { one: '{count} Sekunde', other: '{count} Sekunden' },
  jobs_duration_minutes: { one: '{count} Minute', other: '{count} Minuten' },
} as const satisfies Translation<typeof en>;
