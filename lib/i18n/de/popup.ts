/**
 * The popup's strings (entrypoints/popup, components/pipeline), German: every key of
 * ../en/popup.ts with the same placeholders. Column headers stay short: the popup is narrow.
 */
import type { popup as en } from '../en/popup';
import type { Translation } from '../types';

export const popup = {
  popup_appName: 'Dealsight',
  popup_tagline: 'Deal-Intelligence, berechnet in Ihrem Browser',
  popup_pipelineTitle: 'Offene Pipeline',

  // Statuszeile.
  popup_statusChecking: 'Hintergrunddienst wird geprüft…',
  popup_statusReady: 'Hintergrunddienst bereit · v{version}',
  popup_statusError: 'Hintergrunddienst nicht verfügbar: {message}',
  popup_scoredAt: 'Bewertet {when}',
  popup_openOptions: 'Einstellungen',
  popup_personasLink: 'Personas',

  // Auswahl der Verbindung.
  popup_connectionLabel: 'Datenquelle',

  // Spalten: kurze Titel im Kopf, der volle Name für Hilfstechnik und Tooltips.
  popup_colName: 'Opportunity',
  popup_colNameFull: 'Opportunity und Account',
  popup_colAmount: 'Betrag',
  popup_colAmountFull: 'Betrag',
  popup_colStage: 'Phase',
  popup_colStageFull: 'Phase',
  popup_colCloseDate: 'Abschluss',
  popup_colCloseDateFull: 'Abschlussdatum im CRM',
  popup_colRepeatBuyerPotential: 'Wiederkauf',
  popup_colRepeatBuyerPotentialFull: 'Wiederkaufpotenzial (0–100)',
  // A soft hyphen (U+00AD): the narrow column breaks the compound as "Gewinn-/chance" rather than overflowing.
  popup_colWinPotential: 'Gewinn\u00ADchance',
  popup_colWinPotentialFull: 'Gewinnchance',
  popup_colForecastCategory: 'Prognose',
  popup_colForecastCategoryFull: 'Prognosekategorie',
  popup_colDaysInStage: 'Tage',
  popup_colDaysInStageFull: 'Tage in der Phase',
  popup_colHealth: 'Zustand',
  popup_colHealthFull: 'Zustand (im Plan, braucht Aufmerksamkeit, gefährdet)',
  popup_colPredictedClose: 'Prog. Abschluss',
  popup_colPredictedCloseFull: 'Prognostiziertes Abschlussdatum',
  popup_sortAscending: 'aufsteigend sortiert',
  popup_sortDescending: 'absteigend sortiert',
  popup_gridLabel: 'Offene Opportunities, nach Rang',

  // Zellen.
  popup_empty: '–',
  popup_bandHigh: 'Hoch',
  popup_bandMedium: 'Mittel',
  popup_bandLow: 'Niedrig',
  popup_repeatBuyerOf: 'Wiederkaufpotenzial {score} von 100',
  popup_repeatBuyerPersona: 'Wiederkaufpotenzial {score} von 100 · passt zu {persona}',
  popup_winOf: 'Gewinnchance {percent} ({band})',
  popup_winToday: 'Stand heute; allein aus den eigenen Feldern {percent}',
  popup_slip: 'Verschiebt sich wahrscheinlich: Das CRM-Abschlussdatum {crm} liegt vor dem prognostizierten Bereich',
  popup_amountPredicted: '{amount} im CRM · Prognose {predicted}',
  popup_daysShort: '{days} T.',
  popup_stalled: 'Festgefahren',
  popup_healthAttentionShort: 'Achtung',

  // Ansichten.
  popup_viewsLabel: 'Ansichten der offenen Pipeline',
  popup_tabPipeline: 'Pipeline',
  popup_tabQuickWins: 'Quick Wins',
  popup_quickWinsRule:
    'Quick Wins: Gewinnchance mindestens {bar} ({lift} × die Gewinnquote der Org von {base}, mindestens {min}), Abschluss erwartet innerhalb von {days} Tagen, nicht festgefahren und nicht gefährdet; höchster erwarteter Wert (Gewinnchance × Betrag) zuerst.',
  popup_quickWinsEmpty: 'Keine Quick Wins: Kein offener Deal wird wahrscheinlich gewonnen, innerhalb von {days} Tagen abgeschlossen und bewegt sich.',
  popup_quickWinsCloses: 'Erwarteter Abschluss: das prognostizierte Datum, sonst das aus dem CRM',

  // Zusammenfassung über der Tabelle.
  popup_countAll: { one: '{count} offener Deal', other: '{count} offene Deals' },
  popup_countFiltered: '{shown} von {count} offenen Deals',
  popup_totalAmount: '{amount} gesamt',

  // Filter.
  popup_searchLabel: 'Deals durchsuchen',
  popup_searchPlaceholder: 'Name, Account oder Inhaber suchen',
  popup_levelLabel: 'Berichtsebene',
  popup_levelMe: 'Ich',
  popup_levelTeam: 'Mein Team',
  popup_levelOrg: 'Org',
  popup_ownerLabel: 'Inhaber',
  popup_ownerAny: 'Alle Inhaber',
  popup_typeLabel: 'Typ',
  popup_typeAny: 'Alle Typen',
  popup_territoryLabel: 'Gebiet',
  popup_territoryAny: 'Alle Gebiete',
  popup_healthLabel: 'Zustand',
  popup_healthAny: 'Jeder Zustand',
  popup_daysLabel: 'Tage in der Phase',
  popup_daysMin: 'Min.',
  popup_daysMax: 'Max.',
  popup_daysTo: 'bis',
  popup_clearFilters: 'Filter zurücksetzen',
  popup_meLabel: 'Sie sind',
  popup_meNone: 'Auswählen…',
  popup_mePrompt: 'Welcher Inhaber sind Sie?',
  popup_mePromptHelp:
    'Dealsight hat kein Login. Wählen Sie einmal Ihren Namen, um Ihre Deals und die Ihres Teams zu sehen; Sie können ihn hier jederzeit ändern.',
  popup_meChoose: 'Ihren Namen wählen',

  // Gespeicherte Segmente.
  popup_segmentLabel: 'Gespeichertes Segment',
  popup_segmentNone: 'Gespeicherte Segmente…',
  popup_segmentSave: 'Speichern',
  popup_segmentSaveTitle: 'Aktuelle Filter als Segment speichern',
  popup_segmentNameLabel: 'Name des Segments',
  popup_segmentNamePlaceholder: 'z. B. Verlängerungen meines Teams',
  popup_segmentConfirm: 'Segment speichern',
  popup_segmentCancel: 'Abbrechen',
  popup_segmentDelete: 'Segment „{name}“ löschen',
  popup_segmentNameEmpty: 'Geben Sie dem Segment einen Namen.',
  popup_segmentNameTooLong: 'Der Name darf höchstens {max} Zeichen lang sein.',
  popup_segmentNameDuplicate: 'Ein Segment mit diesem Namen gibt es schon.',
  popup_segmentSaveFailed: 'Das Segment konnte nicht gespeichert werden: {message}',
  popup_segmentDeleteFailed: 'Das Segment konnte nicht gelöscht werden: {message}',

  // Zustände.
  popup_loading: 'Pipeline wird geladen…',
  popup_emptyTitle: 'Noch keine Pipeline',
  popup_emptyBody: 'Dealsight ordnet Ihre offenen Deals, sobald es Ihre CRM-Daten hat. Alles bleibt in diesem Browser.',
  popup_emptyAction: 'CSV importieren oder Sandbox-Daten ausprobieren',
  popup_notSyncedTitle: 'Noch nicht bewertet',
  popup_notSyncedBody: '{connection} hat noch keine bewerteten offenen Deals.',
  popup_notSyncedAction: 'Einstellungen öffnen',
  popup_noOpenDeals: 'Keine offenen Deals in {connection}.',
  popup_noMatches: 'Keine offenen Deals passen zu diesen Filtern.',
  popup_notEnoughTitle: 'Noch nicht genug abgeschlossene Deals für die Gewinnchance',
  popup_notEnoughCounts: 'Trainiert auf {won} gewonnenen und {lost} verlorenen Deals.',
  popup_outOfDateTitle: 'Scores sind veraltet',
  popup_outOfDateBody: 'Die Daten haben sich seit dem Training der Modelle geändert. Sie werden bei der nächsten Synchronisierung neu trainiert.',
  popup_retrain: 'Jetzt neu trainieren',
  popup_jobTitle: 'Pipeline wird aktualisiert',
  popup_jobQueued: 'Wartet auf den Start…',
  popup_jobProgress: '{done} von {total}',
  popup_jobFailed: 'Der letzte Auftrag ist fehlgeschlagen: {message}',
  popup_errorTitle: 'Die Pipeline konnte nicht geladen werden',
  popup_retry: 'Erneut versuchen',
  popup_openFailed: 'Der Datensatz konnte nicht geöffnet werden: {message}',
  popup_quickWinsFiltered: 'Unter den {shown} von {count} offenen Deals, die die Filter der Pipeline behalten.',
} as const satisfies Translation<typeof en>;
