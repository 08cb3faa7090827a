/**
 * German legal and administrative terms that posts in every language mix in
 * ("mam Kündigung", "na Gewerbę", "ГЕВЕРБЕ"). Each answer's German-term field
 * holds its own German keywords and title plus these terms for its topic, and
 * that field is part of every language's index, so the term finds the answer
 * whatever language surrounds it. Written without diacritics where people
 * usually drop them; folding makes both spellings meet anyway.
 */
import type { AnswerTopic } from '../domain/topics';

export const COMMON_GERMAN_TERMS: Readonly<Record<AnswerTopic, readonly string[]>> = {
  'minimum-wage': ['Mindestlohn', 'Stundenlohn', 'Tariflohn', 'Akkordlohn', 'Brutto'],
  'unpaid-wages': ['Lohn', 'Gehalt', 'Lohnabrechnung', 'Abzug', 'Lohnrückstand', 'Mahnung'],
  'working-time': [
    'Arbeitszeit',
    'Überstunden',
    'Pause',
    'Ruhezeit',
    'Nachtschicht',
    'Bereitschaft',
  ],
  'holidays-leave': ['Urlaub', 'Urlaubsanspruch', 'Feiertag', 'Urlaubsgeld', 'Resturlaub'],
  'sick-leave': [
    'Krankmeldung',
    'Krankschreibung',
    'Arbeitsunfähigkeit',
    'AU',
    'eAU',
    'Lohnfortzahlung',
    'Krankengeld',
  ],
  'employment-contract': ['Arbeitsvertrag', 'Probezeit', 'befristet', 'Befristung', 'Vertrag'],
  dismissal: [
    'Kündigung',
    'Kündigungsfrist',
    'Kündigungsschutzklage',
    'Aufhebungsvertrag',
    'Abfindung',
    'fristlos',
  ],
  'live-in-care': ['Pflegekraft', 'Betreuung', 'Pflege', '24-Stunden-Pflege', 'Seniorenbetreuung'],
  'posting-a1': ['A1', 'Entsendung', 'Bescheinigung A1', 'entsandt'],
  'bogus-self-employment': [
    'Gewerbe',
    'Scheinselbstständigkeit',
    'Gewerbeanmeldung',
    'selbstständig',
    'Subunternehmer',
  ],
  'temp-agency-work': [
    'Zeitarbeit',
    'Leiharbeit',
    'Personaldienstleister',
    'Equal Pay',
    'Verleiher',
  ],
  minijob: ['Minijob', 'Midijob', 'geringfügig', 'Minijobzentrale'],
  'health-insurance': ['Krankenkasse', 'Krankenversicherung', 'Versicherungskarte', 'EHIC', 'AOK'],
  registration: [
    'Anmeldung',
    'Meldebescheinigung',
    'Steuer-ID',
    'Steueridentifikationsnummer',
    'Sozialversicherungsnummer',
    'Bürgeramt',
    'Wohnungsgeberbestätigung',
  ],
  taxes: [
    'Steuererklärung',
    'Steuerklasse',
    'Finanzamt',
    'Lohnsteuer',
    'Steuerrückerstattung',
    'Elster',
  ],
  'child-benefit': ['Kindergeld', 'Familienkasse', 'Kinderzuschlag'],
  'unemployment-benefits': [
    'Arbeitslosengeld',
    'Bürgergeld',
    'Jobcenter',
    'Arbeitsagentur',
    'Agentur für Arbeit',
    'ALG',
  ],
  pension: ['Rente', 'Rentenversicherung', 'Rentenantrag', 'Beitragszeiten'],
  'work-accident': [
    'Arbeitsunfall',
    'Berufsgenossenschaft',
    'Unfallversicherung',
    'Durchgangsarzt',
    'Berufskrankheit',
  ],
  housing: ['Miete', 'Kaution', 'Wohnung', 'Mietvertrag', 'Räumung', 'Unterkunft', 'Obdachlos'],
  exploitation: ['Ausbeutung', 'Menschenhandel', 'Zwangsarbeit', 'Reisepass', 'Drohung'],
  'recognition-qualifications': [
    'Anerkennung',
    'Berufsanerkennung',
    'Abschluss',
    'Diplom',
    'Zeugnis',
  ],
  'maternity-parental': [
    'Mutterschutz',
    'Mutterschaftsgeld',
    'Beschäftigungsverbot',
    'schwanger',
    'Schwangerschaft',
    'Elterngeld',
    'Elternzeit',
  ],
  discrimination: [
    'Diskriminierung',
    'Benachteiligung',
    'AGG',
    'Belästigung',
    'Gleichbehandlung',
    'Antidiskriminierungsstelle',
  ],
};
