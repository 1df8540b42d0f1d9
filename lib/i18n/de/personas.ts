/**
 * The personas page's strings (entrypoints/personas, components/personas), German: every
 * key of ../en/personas.ts with the same placeholders.
 */
import type { personas as en } from '../en/personas';
import type { Translation } from '../types';

export const personas = {
  personas_pageTitle: 'Wiederkäufer-Personas · Dealsight',
  personas_brand: 'Dealsight',
  personas_heading: 'Wiederkäufer-Personas',
  personas_intro: 'Wer bei Ihnen kauft und wieder kauft, ermittelt aus Ihren gewonnenen Deals. Berechnet in Ihrem Browser.',
  personas_settings: 'Einstellungen',
  personas_connectionLabel: 'Datenquelle',
  personas_refreshing: 'Wird aktualisiert…',

  // Berichtsebene.
  personas_levelLabel: 'Berichtsebene',
  personas_levelOrg: 'Ganze Org',
  personas_levelTeam: 'Team',
  personas_teamLabel: 'Team',
  personas_noTeams: 'Kein Team hat genug eigene Gewinne für Team-Personas: Jedes Team wird an den Personas der Org gemessen.',

  // Tabs.
  personas_tabsLabel: 'Ansichten',
  personas_tabCards: 'Personas',
  personas_tabDetails: 'Details',

  // Persona-Beschreibung: ein lesbarer Teil je Merkmal.
  personas_phrase_employees: '{value} Mitarbeiter',
  personas_phrase_revenue: '{value} Jahresumsatz',
  personas_phrase_buyerTitle: 'Käufer: {value}',
  personas_phrase_buyerRole: '{value} als Käuferrolle',
  personas_phrase_product: 'kauft {value}',
  personas_phrase_other: '{label}: {value}',
  personas_phrase_separator: ' · ',

  // Karten.
  personas_cardsLabel: 'Persona-Karten',
  personas_companyLogo: 'Logo von {company}',
  personas_portrait: 'Porträt von {name}',
  personas_level_org: 'Org-Persona',
  personas_level_team: 'Team-Persona · {team}',
  personas_statSize: 'Gewonnene Deals',
  personas_statShare: '{share} der Gewinne',
  personas_statRepeat: 'Kauft erneut',
  personas_statLtv: 'Customer Lifetime Value',
  personas_statNone: 'keine Daten',
  personas_statRepeatNone: 'Keine Upsell-, Cross-Sell- oder Verlängerungs-Deals in den Daten',
  personas_statLtvNone: 'Keine Beträge in den Daten',
  personas_showDetails: 'Details',
  personas_noPhrase: 'Kein Merkmal hebt diese Persona ab.',

  // Leads finden.
  personas_findLeads: 'Leads finden',
  personas_findLeadsTitle: 'Leads wie {name} finden',
  personas_provider: 'Suchen mit',
  personas_providerApollo: 'Apollo',
  personas_providerSeamless: 'Seamless.AI',
  personas_filtersLegend: 'Zu verwendende Filter',
  personas_filtersHint: 'Entfernen Sie das Häkchen, um einen Filter aus der Suche zu lassen.',
  personas_noFilters: 'Für die Merkmale dieser Persona (Produkt, Käuferrolle, eigene Felder) gibt es keinen Filter in der Lead-Suche.',
  personas_noneTicked: 'Kein Filter ausgewählt: Die Suche öffnet sich ohne Filter.',
  personas_privacy: 'Nur die ausgewählten Persona-Merkmale verlassen Ihren Browser. Kein CRM-Datensatz, Name oder Betrag wird gesendet.',
  personas_revenueNote: 'Apollo liest Umsätze in US-Dollar; entfernen Sie das Häkchen, wenn Ihr CRM eine andere Währung nutzt.',
  personas_apolloNote: 'Öffnet die Personensuche von Apollo mit diesen Filtern in einem neuen Tab.',
  personas_seamlessNote:
    'Seamless.AI öffnet seine Kontaktsuche mit den eingetragenen Positionen. Die übrigen Filter werden in Ihre Zwischenablage kopiert: Fügen Sie sie in die passenden Filter im Suchbereich von Seamless.AI ein.',
  personas_openApollo: 'Apollo öffnen',
  personas_openSeamless: 'Filter kopieren und Seamless.AI öffnen',
  personas_copied: 'Filter in die Zwischenablage kopiert. Fügen Sie jede Zeile in den gleichnamigen Filter in Seamless.AI ein.',
  personas_copyFailed: 'Kopieren in die Zwischenablage fehlgeschlagen ({error}). Kopieren Sie die Filter unten von Hand.',
  personas_opened: '{provider} in einem neuen Tab geöffnet.',
  personas_openFailed: '{provider} konnte nicht geöffnet werden: {error}',
  personas_showUrl: 'Adresse, die geöffnet wird',
  personas_droppedLegend: 'Nicht in der Suche',
  personas_droppedHint: 'Lead-Suchen enthalten Merkmale der Rolle und des Unternehmens des Käufers, nie eine Person. Diese Werte sahen nicht danach aus:',
  personas_dropped_personField: '{field}: das ganze Feld, da sein Name sagt, dass es Angaben zu einer Person enthält',
  personas_dropped_contactData: '{field}: ein Wert, der wie eine E-Mail-Adresse oder Telefonnummer aussieht',
  personas_dropped_tooLong: '{field}: „{value}“ ist Freitext, keine Kategorie',
  personas_dropped_notATitle: '{field}: „{value}“ liest sich nicht wie eine Position',
  personas_dropped_notAnIndustry: '{field}: „{value}“ ist keine Branche, die die Lead-Tools kennen',
  personas_dropped_notACountry: '{field}: „{value}“ ist kein Land',
  personas_dropped_notARegion: '{field}: „{value}“ ist kein Bundesland und keine Region, die Dealsight kennt',
  personas_close: 'Schließen',

  // Details.
  personas_pickPersona: 'Persona',
  personas_detailsAttributes: 'Was diese Persona abhebt',
  personas_detailsAttributesHint:
    'Bedeutung: wie viel häufiger der Wert in dieser Persona ist als in allen gewonnenen Deals (Balken), mit dem Anteil der Persona gegenüber allen Gewinnen.',
  personas_attrImportance: 'Bedeutung {weight}',
  personas_attrShare: '{share} dieser Persona · {base} aller Gewinne · {lift}× so häufig',
  personas_attrRange: 'Bereich: {range}',
  personas_attrNear: 'zählt halb: {near}',
  personas_rangeBetween: 'über {min}, bis {max}',
  personas_rangeAbove: 'über {min}',
  personas_rangeBelow: 'bis {max}',
  personas_rangeAny: 'beliebiger Wert',
  personas_spreadTitle: 'Wie sich gewonnene Deals auf die Personas verteilen',
  personas_spreadHint: 'Gewonnene Deals hinter jeder Persona dieser Ebene ({basis}).',
  personas_spreadBasisNew: 'Erstkäufe von Neukunden',
  personas_spreadBasisAll: 'alle Gewinne',
  personas_spreadBar: '{name}: {deals} gewonnene Deals, {share}',
  personas_winRateTitle: 'Gewinnquote passender abgeschlossener Deals',
  personas_winRateBody: {
    one: '{rate} des {count} abgeschlossenen Deals, der zu dieser Persona passt (Wiederkaufpotenzial ab 50), wurde gewonnen.',
    other: '{rate} der {count} abgeschlossenen Deals, die zu dieser Persona passen (Wiederkaufpotenzial ab 50), wurden gewonnen.',
  },
  personas_winRateNone: 'Noch passt kein abgeschlossener Deal zu dieser Persona, daher gibt es keine Gewinnquote.',
  personas_winRateHonest:
    'Gemessen an abgeschlossenen Deals, da offene Deals noch kein Ergebnis haben. Über alle abgeschlossenen Deals wurden {rate} gewonnen.',
  personas_winRateHonestNoBase: 'Gemessen an abgeschlossenen Deals, da offene Deals noch kein Ergebnis haben.',
  personas_openAligned: 'Offene Deals, die dieser Persona am nächsten sind',
  personas_openAlignedNone: 'Kein offener Deal hat diese Persona als nächste.',
  personas_openAlignedScore: 'Wiederkaufpotenzial {score}',
  personas_recentWins: 'Letzte Gewinne dieser Persona',
  personas_recentWinsNone: 'Keine Gewinne aus letzter Zeit erfasst.',
  personas_openIn: 'Öffnet in {where}',
  personas_whereCrm: 'Salesforce',
  personas_whereDetail: 'der Detailseite von Dealsight',

  // Zustände.
  personas_loading: 'Personas werden geladen…',
  personas_noDataTitle: 'Noch keine Daten',
  personas_noDataBody:
    'Importieren Sie einen CSV-Export, laden Sie Sandbox-Daten oder verbinden Sie Salesforce in den Einstellungen. Personas werden aus Ihren gewonnenen Deals ermittelt.',
  personas_openSettings: 'Einstellungen öffnen',
  personas_notTrainedTitle: 'Noch nicht analysiert',
  personas_notTrainedBody: '{connection} hat Daten, aber Dealsight hat sie noch nicht analysiert.',
  personas_jobRunning: '{step}…',
  personas_notEnoughTitle: 'Nicht genug gewonnene Deals für Personas',
  personas_notEnoughCounts: 'Bisher {won} gewonnene und {lost} verlorene Deals.',
  personas_notEnoughFallback: 'Wiederkäufer-Personas brauchen mindestens 30 gewonnene Deals.',
  personas_noPersonasTitle: 'Keine Personas auf dieser Ebene',
  personas_noPersonasBody: 'Die gewonnenen Deals haben kein Merkmal, das die Käufer beschreibt (Branche, Größe, Land, Position …).',
  personas_errorTitle: 'Die Personas konnten nicht geladen werden',
  personas_outOfDate: 'Die Daten haben sich geändert, seit diese Personas ermittelt wurden. Sie werden nach dem nächsten Training aktualisiert.',
} as const satisfies Translation<typeof en>;
