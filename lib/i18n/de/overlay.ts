/**
 * The CRM overlay's own strings (entrypoints/*.content), German: every key of
 * ../en/overlay.ts with the same placeholders. `{place}` is overlay_placeOrg or
 * overlay_placePortal ("Org", "Portal").
 */
import type { overlay as en } from '../en/overlay';
import type { Translation } from '../types';

export const overlay = {
  overlay_brand: 'Dealsight',
  overlay_show: 'Einblenden',
  overlay_hide: 'Ausblenden',
  overlay_retry: 'Erneut versuchen',
  overlay_openOptions: 'Einstellungen öffnen',
  overlay_placeOrg: 'Org',
  overlay_placePortal: 'Portal',
  overlay_notConnectedTitle: '{crm}-{place} mit Dealsight verbinden',
  overlay_notConnectedBody:
    'Dealsight hat noch keine {place}-Daten. Stellen Sie die Verbindung in den Dealsight-Einstellungen her, um hier Wiederkaufpotenzial, Gewinnchance und Prognosen zu sehen.',
  overlay_notOpportunity: 'Dealsight zeigt seine Panels auf Opportunity-Datensätzen.',
  overlay_sessionExpiredTitle: '{crm}-Sitzung abgelaufen',
  overlay_sessionExpiredBody: 'Melden Sie sich erneut bei {crm} an und laden Sie die Seite dann neu.',
  overlay_noApiTitle: 'Kein API-Zugriff',
  overlay_noApiBody:
    'Ihr {crm}-Benutzer kann die REST-API nicht nutzen (Berechtigung „API aktiviert“). Fragen Sie Ihren Admin oder importieren Sie eine CSV-Datei in den Dealsight-Einstellungen.',
  overlay_noAnchor: 'Dealsight hat den Kopfbereich dieses Datensatzes nicht gefunden, daher schwebt sein Panel hier.',
  overlay_copyStructure: 'Seitenstruktur kopieren',
  overlay_structureCopied: 'Kopiert: Fügen Sie sie in Ihren Fehlerbericht ein. Sie enthält nur das Layout der Seite, keine Namen oder Daten.',
  overlay_structureManual: 'Kopieren Sie dies in Ihren Fehlerbericht (nur das Layout der Seite, keine Namen oder Daten):',
  overlay_chipWin: 'Chance {percent}',
  overlay_chipWinLabel: 'Gewinnchance {percent}',
  overlay_chipRbp: 'Wiederkauf {score}',
  overlay_chipRbpLabel: 'Wiederkaufpotenzial {score} von 100',
  overlay_chipHealth_onTrack: 'Im Plan',
  overlay_chipHealth_needsAttention: 'Achtung',
  overlay_chipHealth_atRisk: 'Gefährdet',
  overlay_chipHealthLabel: 'Zustand: {level}',
  overlay_chipHealthLong_needsAttention: 'braucht Aufmerksamkeit',
  overlay_chipHealthLong_onTrack: 'im Plan',
  overlay_chipHealthLong_atRisk: 'gefährdet',
} as const satisfies Translation<typeof en>;
