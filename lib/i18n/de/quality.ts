/**
 * The model-quality page's strings (entrypoints/quality, components/quality,
 * components/insights), German: every key of ../en/quality.ts with the same placeholders.
 */
import type { quality as en } from '../en/quality';
import type { Translation } from '../types';

export const quality = {
  quality_appName: 'Dealsight',
  quality_pageTitle: 'Modellqualität · Dealsight',
  quality_heading: 'Modellqualität und Pipeline-Einblicke',
  quality_popupLink: 'Qualität',
  quality_popupLinkFull: 'Modellqualität und Pipeline-Einblicke',
  quality_tabsLabel: 'Bericht',
  quality_tabQuality: 'Modellqualität',
  quality_tabInsights: 'Pipeline-Einblicke',
  quality_connectionLabel: 'Datenquelle',
  quality_trainedAt: 'Trainiert {when} auf {closed} abgeschlossenen Deals',
  quality_openSettings: 'Einstellungen öffnen',

  // Zustände.
  quality_loading: 'Qualitätsbericht wird geladen…',
  quality_errorTitle: 'Der Bericht konnte nicht gelesen werden',
  quality_noDataTitle: 'Noch keine Daten',
  quality_noDataBody:
    'Importieren Sie eine CSV-Datei, verbinden Sie Salesforce oder probieren Sie die Sandbox-Daten in den Einstellungen aus. Der Bericht erscheint, sobald Dealsight auf Ihren abgeschlossenen Deals trainiert hat.',
  quality_notTrainedTitle: 'Noch nicht trainiert',
  quality_notTrainedBody: '{connection} hat Daten, aber noch keine trainierten Modelle. Das Training läuft nach jedem Import und jeder Synchronisierung.',
  quality_noReportTitle: 'Kein Qualitätsbericht für dieses Training',
  quality_noReportBody: 'Diese Modelle wurden trainiert, bevor Dealsight einen Qualitätsbericht geführt hat. Trainieren Sie neu, um ihn zu sehen.',
  quality_retrain: 'Jetzt neu trainieren',
  quality_retrainStarted: 'Neutrainieren gestartet: Der Bericht wird aktualisiert, sobald es fertig ist.',
  quality_retrainFailed: 'Das Neutrainieren konnte nicht gestartet werden: {error}',
  quality_outOfDate: 'Die Daten haben sich seit diesem Training geändert: Die Zahlen beschreiben die Deals, wie sie damals waren.',

  // Datenbasis.
  quality_sufficiencyTitle: 'Datenbasis',
  quality_notEnoughTitle: 'Noch nicht genug abgeschlossene Deals, um die Gewinnchance zu beurteilen',
  quality_notEnoughBody:
    'Die Gewinnchance lernt aus abgeschlossenen Deals: Sie braucht mindestens {min} gewonnene und {min} verlorene. Bis dahin gibt es kein Modell für einen Backtest.',
  quality_meterWins: 'Gewonnene Deals',
  quality_meterLosses: 'Verlorene Deals',
  quality_meterValue: '{have} von {need}',
  quality_meterValueEnough: '{have} (mindestens {need})',
  quality_meterNeeded: { one: 'Noch {count} nötig', other: 'Noch {count} nötig' },
  quality_meterEnough: 'Ausreichend',
  quality_enoughBody: 'Genug abgeschlossene Deals zum Trainieren: {won} gewonnen und {lost} verloren (mindestens {min} von jedem).',

  // Backtest in Worten.
  quality_backtestTitle: 'Backtest auf den neuesten abgeschlossenen Deals',
  quality_backtestClosedSince:
    'Hätten Sie Dealsight auf den {test} seit {since} abgeschlossenen Deals genutzt, mit einem Modell, das nur auf den {train} davor abgeschlossenen Deals trainiert war:',
  quality_backtestCreatedSince:
    'Hätten Sie Dealsight auf den {test} seit {since} erstellten Deals genutzt, mit einem Modell, das nur auf den {train} davor erstellten trainiert war:',
  quality_backtestNoDates:
    'Hätten Sie Dealsight auf den neuesten {test} abgeschlossenen Deals genutzt (die Daten haben kein Datum: es sind die letzten in den Daten), mit einem Modell, das nur auf den {train} davor trainiert war:',
  quality_backtestTopFifth:
    'das am höchsten bewertete Fünftel dieser Deals ({deals}) wurde zu {top} gewonnen, gegenüber {overall} bei allen und {bottom} beim untersten Fünftel;',
  quality_backtestRanking:
    'von je einem gewonnenen und einem verlorenen Deal bewertete Dealsight den gewonnenen in {auc} der Fälle höher (50\u00A0% wäre ein Münzwurf);',
  quality_backtestCalibration:
    'die Kalibrierung zeigt: Vorhergesagt waren im Schnitt {predicted} Gewinne, gewonnen wurden {observed}; Stufe für Stufe lagen die Wahrscheinlichkeiten im Schnitt um {gap} Punkte daneben.',
  quality_backtestMissingTitle: 'Kein Backtest',
  quality_backtestSame: 'Das sind die Zahlen, die „dealsight evaluate --split time“ für dieselben Daten ausgibt.',
  quality_metricAuc: 'ROC AUC',
  quality_metricAucHint: 'Höher ist besser; 0,500 ist Zufall',
  quality_metricBrier: 'Brier-Score',
  quality_metricBrierHint: 'Niedriger ist besser; die Basisrate allein erreicht {baseline}',
  quality_metricLogLoss: 'Log-Loss',
  quality_metricLogLossHint: 'Niedriger ist besser; die Basisrate allein erreicht {baseline}',
  quality_metricTest: 'Getestete Deals',
  quality_metricTestHint: 'Trainiert auf den {train} älteren',

  // Kalibrierungsdiagramm.
  quality_calibrationTitle: 'Kalibrierung',
  quality_calibrationBody:
    'Jeder Punkt ist eine Stufe der vorhergesagten Wahrscheinlichkeit: waagerecht, was Dealsight im Schnitt vorhergesagt hat; senkrecht, der Anteil dieser Deals, der gewonnen wurde. Auf der gestrichelten Diagonale stimmen Vorhersage und Ergebnis überein.',
  quality_calibrationAlt:
    'Zuverlässigkeitskurve der {test} Testdeals: vorhergesagte Gewinnwahrscheinlichkeit waagerecht, gewonnener Anteil senkrecht, ein Punkt je Stufe von 10 Punkten',
  quality_calibrationX: 'Vorhergesagte Gewinnwahrscheinlichkeit',
  quality_calibrationY: 'Anteil gewonnen',
  quality_calibrationPerfect: 'Perfekte Kalibrierung',
  quality_calibrationPoint: {
    one: '{from}–{to}: {count} Deal, vorhergesagt {predicted}, {observed} gewonnen',
    other: '{from}–{to}: {count} Deals, im Schnitt vorhergesagt {predicted}, {observed} gewonnen',
  },

  // Lift.
  quality_liftTitle: 'Lift nach Dezil',
  quality_liftBody:
    'Die Testdeals nach Score geordnet und in Zehntel geteilt, höchste zuerst: der gewonnene Anteil jedes Zehntels. Lift ist dieser Anteil geteilt durch den Gesamtanteil.',
  quality_liftAlt:
    'Gewinnquote jedes Zehntels der {test} Testdeals, höchste Scores zuerst; das oberste Zehntel gewann {rate}, das {lift}-Fache der Gesamtquote',
  quality_liftX: 'Zehntel der Testdeals, höchster Score zuerst',
  quality_liftY: 'Anteil gewonnen',
  quality_liftOverall: 'Alle Testdeals: {rate} gewonnen',
  quality_liftBar: {
    one: 'Zehntel {group}: {count} Deal, {rate} gewonnen, Lift {lift}×',
    other: 'Zehntel {group}: {count} Deals, {rate} gewonnen, Lift {lift}×',
  },
  quality_liftTableGroup: 'Zehntel',
  quality_liftTableDeals: 'Deals',
  quality_liftTableWon: 'Gewonnen',
  quality_liftTableLift: 'Lift',
  quality_liftTableCaption: 'Lift nach Dezil als Tabelle',

  // Merkmalsbedeutung.
  quality_importanceTitle: 'Worauf sich die Gewinnchance stützt',
  quality_importanceBody: 'Anteil jedes Felds am Gelernten des Modells (Split-Gewinn des Random Forest), über alle {closed} abgeschlossenen Deals.',
  quality_importanceMore: { one: 'und {count} weiteres Feld', other: 'und {count} weitere Felder' },

  // Drift.
  quality_driftTitle: 'Offene Pipeline im Vergleich zu den Trainingsdaten',
  quality_driftWarnTitle: 'Die offene Pipeline hat sich von den Deals entfernt, aus denen das Modell gelernt hat',
  quality_driftWarnBody:
    'Verschoben: {names}. Scores offener Deals, die sich darin unterscheiden, sind unsicherer; trainieren Sie neu, sobald mehr solche Deals abgeschlossen sind, und prüfen Sie, ob das Feld bei offenen Deals genauso gefüllt wird.',
  quality_driftStable: 'Die offene Pipeline ähnelt den abgeschlossenen Deals, aus denen das Modell gelernt hat: Kein Merkmal hat einen Index über {warn}.',
  quality_driftExplain:
    'Population Stability Index (PSI) jedes Merkmals zwischen den {closed} abgeschlossenen und den {open} offenen Deals: unter {watch} stabil, {watch} bis {warn} etwas verschoben, über {warn} verschoben.',
  quality_driftNone: 'Keine Drift-Prüfung: {message}',
  quality_driftLevel_stable: 'Stabil',
  quality_driftLevel_watch: 'Etwas verschoben',
  quality_driftLevel_moved: 'Verschoben',
  quality_driftShift: '{bucket}: {closed} der abgeschlossenen, {open} der offenen',
  quality_driftEmpty: '(leer)',
  quality_driftBelow: 'bis {to}',
  quality_driftAbove: 'über {from}',
  quality_driftRange: '{from} bis {to}',
  quality_driftSkipped: 'Nicht verglichen: {label}, weil {reason}.',
  quality_colAttribute: 'Merkmal',
  quality_colPsi: 'PSI',
  quality_colStatus: 'Status',
  quality_colMove: 'Größte Verschiebung',

  // Pipeline-Einblicke.
  quality_insightsHistTitle: 'Gewinnchance der offenen Pipeline',
  quality_insightsHistAlt: 'Histogramm der {deals} bewerteten offenen Deals nach Gewinnchance, in Stufen von 10 Punkten',
  quality_insightsHistX: 'Gewinnchance',
  quality_insightsHistY: 'Offene Deals',
  quality_insightsHistBar: { one: '{from}–{to}: {count} offener Deal', other: '{from}–{to}: {count} offene Deals' },
  quality_insightsHistSummary: { one: '{count} offener Deal bewertet.', other: '{count} offene Deals bewertet; die Hälfte liegt über {median}.' },
  quality_insightsUnscored: { one: '{count} offener Deal hat keine Gewinnchance.', other: '{count} offene Deals haben keine Gewinnchance.' },
  quality_insightsByPersona: 'Offene Pipeline nach Persona',
  quality_insightsByType: 'Offene Pipeline nach Typ',
  quality_insightsByTerritory: 'Offene Pipeline nach Gebiet',
  quality_colDeals: 'Deals',
  quality_colAmount: 'Betrag',
  quality_colMeanWin: 'Ø Gewinnchance',
  quality_colExpected: 'Erwartet gewonnen',
  quality_colPersona: 'Persona',
  quality_colType: 'Typ',
  quality_colTerritory: 'Gebiet',
  quality_noPersona: '(keine Persona)',
  quality_noType: '(kein Typ)',
  quality_noTerritory: '(kein Gebiet)',
  quality_otherCurrency: { one: '+{count} Deal in einer anderen Währung', other: '+{count} Deals in anderen Währungen' },
  quality_breakdownMore: { one: 'und {count} weitere Gruppe', other: 'und {count} weitere Gruppen' },
  quality_personaWinTitle: 'Gewinnquote nach Persona',
  quality_personaWinBody: 'Abgeschlossene Deals, die zu jeder Wiederkäufer-Persona passen, und ihr gewonnener Anteil. Alle abgeschlossenen Deals: {rate}.',
  quality_personaWinRow: '{rate} von {closed} abgeschlossenen',
  quality_personaOpen: { one: '{count} offener Deal', other: '{count} offene Deals' },
  quality_personaNoRate: 'Keine passenden abgeschlossenen Deals',
  quality_noPersonas: 'Noch keine Wiederkäufer-Personas.',
  quality_noOpenDeals: 'In {connection} gibt es keine offenen Deals.',
  quality_insightsCount: '{shown} von {count} offenen Deals, nach den Filtern oben',
  quality_noMatches: 'Keine offenen Deals passen zu diesen Filtern.',
  quality_metricEce: 'Kalibrierungsfehler (ECE)',
  quality_metricEceHint: 'mittlere Abweichung über 10 gleich große Gruppen; allein der Zufall ergibt etwa {floor}',
  quality_metricEceHintOld: 'mittlere Abweichung über 10 gleich breite Bereiche (neu trainieren für gleich große Gruppen)',
  quality_modelTitle: 'Wie das Modell gewählt wurde',
  quality_configForest: 'dem Wald allein',
  quality_configLinear: 'dem linearen Modell allein',
  quality_configBlend: 'einer Mischung aus {forest} Wald und {linear} linearem Modell',
  quality_configOnly: 'Die Gewinnchance stammt von {config}.',
  quality_configChosen:
    'Die Gewinnchance stammt von {config}: Von Wald, regularisiertem linearem Modell und Mischungen aus beiden hat diese Variante die Trainings-Deals in ihren Out-of-Bag- und Out-of-Fold-Vorhersagen am besten vorhergesagt (Log-Loss {loss}; Wald allein {forest}, lineares Modell allein {linear}).',
  quality_setAsideTitle: 'Beiseitegelegt, weil erst beim Abschluss bekannt',
  quality_setAsideNone: 'Kein Feld wurde als erst beim Abschluss bekannt beiseitegelegt.',
  quality_setAsideHint: 'Ein irrtümlich beiseitegelegtes Feld lässt sich in der Feldzuordnung der Einstellungen zurückholen.',
  quality_replayTitle: 'Gewinnchance an vergangenen Tagen',
  quality_replayNone: 'Noch nichts nachzuspielen.',
  quality_replayBody: {
    one: 'An {count} vergangenen Tag, vom {from} bis zum {to}, wurden die an diesem Tag offenen Deals von Modellen der zuvor abgeschlossenen Deals bewertet und an ihrem Ausgang gemessen: {deals} Bewertungen insgesamt.',
    other:
      'An {count} vergangenen Tagen, vom {from} bis zum {to}, wurden die jeweils offenen Deals von Modellen der zuvor abgeschlossenen Deals bewertet und an ihrem Ausgang gemessen: {deals} Bewertungen insgesamt.',
  },
  quality_replayHeadline:
    'Bewertet nach ihrem damaligen Stand, ordneten sie sich mit einer AUC von {auc}, und das oberste Zehntel gewann {lift}-mal so oft wie alle.',
  quality_replayAsOf: 'Nach dem damaligen Stand',
  quality_replayStageBlind: 'Ohne Phase (eigene Felder)',
  quality_replayCrm: 'Wahrscheinlichkeit im CRM',
  quality_replayAlt: { one: 'ROC AUC jeder Bewertung an {count} vergangenen Tag', other: 'ROC AUC jeder Bewertung an jedem von {count} vergangenen Tagen' },
  quality_replayY: 'ROC AUC',
  quality_replayPoint: { one: '{contender}, {date}: AUC {auc} bei {count} Deal', other: '{contender}, {date}: AUC {auc} bei {count} Deals' },
  quality_replayTableCaption: 'Alle Tage zusammen ({deals} Bewertungen)',
  quality_replayTableWho: 'Bewertet von',
  quality_replayTableLift: 'Oberstes Zehntel',
} as const satisfies Translation<typeof en>;
