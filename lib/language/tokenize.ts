/**
 * Turns a post into the words that carry language signal. URLs, e-mail
 * addresses, @mentions (with the capitalised name words that follow them,
 * as Facebook writes "@Jan Kowalski"), #hashtags, numbers, emoji and
 * punctuation carry none
 * and are dropped; German legal and administrative terms that migrants mix
 * into their own language are dropped when other words remain, so the host
 * language wins ("mam Kündigung od szefa" is Polish).
 */
import { foldDiacritics } from './transliterate';

const NOISE =
  /\b(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/|[Ww][Ww][Ww]\.)\S+|\S+@\S+\.\S+|@[\p{L}\p{N}_.]+(?:[ \u00a0]+\p{Lu}[\p{Ll}\p{M}]+){0,2}|#[\p{L}\p{N}_.]+|\b[\p{L}]*\d[\p{L}\p{N}]*|\b[A-Za-z0-9-]+\.(?:com|de|net|org|eu|pl|ro|bg|gr|hr|hu|es|fr|it|cz|sk|info)\b\S*/gu;
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Stems of German terms that appear inside posts in other languages, in
 * Latin (folded, lower case) and Cyrillic spelling. Matching is by prefix so
 * inflected loans ("Gewerbę", "Kündigungu", "ГЕВЕРБЕ") are caught.
 */
const GERMAN_LOAN_STEMS = [
  'kundigung',
  'kuendigung',
  'krankenkass',
  'krankenversicherung',
  'krankmeldung',
  'krankschreibung',
  'gewerbe',
  'gewerbeanmeldung',
  'arbeitsvertrag',
  'arbeitgeber',
  'arbeitsamt',
  'arbeitsagentur',
  'agentur fur arbeit',
  'jobcenter',
  'burgergeld',
  'buergergeld',
  'kindergeld',
  'elterngeld',
  'anmeldung',
  'abmeldung',
  'meldebescheinigung',
  'steuer',
  'steuernummer',
  'steuererklarung',
  'steuerklasse',
  'finanzamt',
  'lohnabrechnung',
  'lohnsteuer',
  'abrechnung',
  'minijob',
  'midijob',
  'sozialversicherung',
  'rentenversicherung',
  'berufsgenossenschaft',
  'ausweis',
  'aufenthalt',
  'arbeitsgericht',
  'abfindung',
  'probezeit',
  'uberstunden',
  'ueberstunden',
  'urlaubsgeld',
  'weihnachtsgeld',
  'zeitarbeit',
  'leiharbeit',
  'schwarzarbeit',
  'mindestlohn',
  'betriebsrat',
  'krankengeld',
  'arbeitslosengeld',
  'wohngeld',
  'mietvertrag',
  'kaution',
  'vermieter',
  'termin',
  'bescheinigung',
  'bescheid',
  'widerspruch',
  'vollmacht',
  'aok',
  'tk',
  'barmer',
  'dak',
  'ihk',
  'handwerkskammer',
  'gewerkschaft',
  'verdi',
  'zoll',
  'rente',
  'anerkennung',
  'pflegekasse',
  'kundigungsschutz',
  'aufhebungsvertrag',
  'lohn',
  'gehalt',
  'chef',
  'firma',
  // Cyrillic spellings seen in Bulgarian posts.
  'геверб',
  'кюндигунг',
  'кранкенкас',
  'джобцентър',
  'джобцентер',
  'киндергелд',
  'анмелдунг',
  'щоиер',
  'щойер',
  'финанцамт',
  'минийоб',
  'минийов',
  'бюргергелд',
  'арбайтсамт',
];
const LOAN_PREFIXES = GERMAN_LOAN_STEMS.filter((s) => !s.includes(' '));
const SHORT_LOANS = new Set([
  'aok',
  'tk',
  'dak',
  'ihk',
  'zoll',
  'lohn',
  'chef',
  'firma',
  'rente',
  'verdi',
]);

/** True if the (lower-case) word is a German administrative term used as a loan. */
export function isGermanLoanword(word: string): boolean {
  const folded = foldDiacritics(word);
  if (SHORT_LOANS.has(folded)) return true;
  for (const stem of LOAN_PREFIXES) {
    if (stem.length >= 5 && folded.startsWith(stem)) return true;
  }
  return false;
}

export interface TextWords {
  /** Lower-case words that carry language signal. */
  words: string[];
  /** The words that were set aside as German loans. */
  loanwords: string[];
}

/**
 * Latin words spelled like acronyms or brand names ("PDF", "SUMIF", "YouTube",
 * "iPhone"): all capitals, or a capital after a small letter. They are the
 * same in every language, so they only speak for English, where most of them
 * come from.
 */
const NAME_LIKE = /^(?:[A-Z]{2,}|[a-z]*[A-Z]+[a-z]+[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)$/;

export function extractWords(text: string): TextWords {
  const cleaned = text.replace(NOISE, ' ');
  const raw = cleaned.match(WORD) ?? [];
  // Names and acronyms go when enough other words remain (a post in capitals keeps them).
  const plain = raw.filter((w) => !NAME_LIKE.test(w));
  const kept = countLetters(plain) >= 4 ? plain : raw;
  const all = kept.map((w) => w.toLowerCase());
  const words: string[] = [];
  const loanwords: string[] = [];
  for (const word of all) (isGermanLoanword(word) ? loanwords : words).push(word);
  // A post that consists only of German terms is German, not empty.
  if (words.length === 0 || countLetters(words) < 4) return { words: all, loanwords: [] };
  return { words, loanwords };
}

export function countLetters(words: readonly string[]): number {
  let n = 0;
  for (const word of words) n += word.length;
  return n;
}
