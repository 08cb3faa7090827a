/**
 * Does a post ask something? Group members rarely write a tidy question:
 * the question mark is often missing, diacritics are dropped and German
 * terms are mixed in. This heuristic looks for three kinds of evidence:
 *
 * 1. a question mark (also the Greek `;` after a Greek letter and the fullwidth `？`);
 * 2. an interrogative word at the start of a sentence (who, what, how much,
 *    can I, is it legal ...), in each of the 13 post languages, in the
 *    written form and without diacritics;
 * 3. a help-seeking phrase anywhere ("does anyone know", "please help",
 *    "wie kann ich", "ktos wie", "stie cineva" ...).
 *
 * Pure: data in, data out, no browser globals.
 */

/** Lower-cases, strips diacritics (keeps Greek and Cyrillic letters) and collapses spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words that open a question when they begin a sentence or clause. Written
 * folded (no diacritics); Bulgarian and Greek also in the Latin letters
 * people type them in.
 */
const INTERROGATIVES: Readonly<Record<string, readonly string[]>> = {
  de: [
    'wer',
    'was',
    'wie',
    'wo',
    'wann',
    'warum',
    'wieso',
    'weshalb',
    'welche',
    'welcher',
    'welches',
    'wieviel',
    'wie viel',
    'woher',
    'wohin',
    'kann ich',
    'darf ich',
    'muss ich',
    'ist das',
    'gibt es',
    'hat jemand',
    'kennt jemand',
    'weiss jemand',
  ],
  en: [
    'who',
    'what',
    'how',
    'where',
    'when',
    'why',
    'which',
    'can i',
    'can he',
    'can she',
    'can they',
    'can we',
    'can my',
    'do i',
    'do you',
    'does',
    'did',
    'is it',
    'is this',
    'is that',
    'are there',
    'should i',
    'could',
    'would',
    'has anyone',
    'have you',
    'anyone',
  ],
  pl: [
    'czy',
    'co',
    'jak',
    'gdzie',
    'kiedy',
    'dlaczego',
    'czemu',
    'ile',
    'kto',
    'jaki',
    'jaka',
    'jakie',
    'ktory',
    'ktora',
    'ktore',
    'skad',
    'dokad',
    'moze ktos',
    'ma ktos',
  ],
  ro: [
    'ce',
    'cum',
    'unde',
    'cand',
    'de ce',
    'cine',
    'cat',
    'cati',
    'cata',
    'cate',
    'care',
    'oare',
    'se poate',
    'pot sa',
    'este legal',
    'e legal',
    'stie cineva',
    'are cineva',
  ],
  bg: [
    'какво',
    'как',
    'къде',
    'кога',
    'защо',
    'кой',
    'коя',
    'кое',
    'кои',
    'колко',
    'дали',
    'може ли',
    'има ли',
    'нормално ли',
    'kakvo',
    'kak',
    'kade',
    'kude',
    'koga',
    'zashto',
    'koi',
    'koya',
    'kolko',
    'dali',
    'mozhe li',
    'moje li',
    'ima li',
  ],
  el: [
    'τι',
    'πως',
    'που',
    'ποτε',
    'γιατι',
    'ποιος',
    'ποια',
    'ποιο',
    'ποσο',
    'ποσα',
    'μηπως',
    'ξερει κανεις',
    'ti',
    'pos',
    'pou',
    'pote',
    'giati',
    'poios',
    'poia',
    'poso',
    'posa',
    'mipos',
    'xerei kaneis',
    'kserei kaneis',
    'isxyei',
    'ischyei',
  ],
  hr: [
    'sto',
    'sta',
    'kako',
    'gdje',
    'kada',
    'kad',
    'zasto',
    'tko',
    'koji',
    'koja',
    'koje',
    'koliko',
    'da li',
    'je li',
    'jel',
    'mogu li',
    'ima li',
    'smije li',
    'zna li netko',
  ],
  hu: [
    'mi',
    'mit',
    'mikor',
    'hol',
    'hogyan',
    'hogy lehet',
    'miert',
    'ki',
    'kinek',
    'melyik',
    'mennyi',
    'hany',
    'lehet',
    'tud valaki',
    'van valakinek',
    'jogos',
  ],
  es: [
    'que',
    'como',
    'donde',
    'cuando',
    'por que',
    'quien',
    'cual',
    'cuanto',
    'cuanta',
    'cuantos',
    'cuantas',
    'puedo',
    'se puede',
    'es legal',
    'alguien sabe',
    'alguien',
  ],
  fr: [
    'que',
    'quoi',
    'comment',
    'ou',
    'quand',
    'pourquoi',
    'qui',
    'quel',
    'quelle',
    'quels',
    'quelles',
    'combien',
    'est-ce que',
    'est ce que',
    'puis-je',
    'je peux',
    'ai-je',
    'est-il',
    "quelqu'un sait",
    "quelqu'un",
  ],
  it: [
    'che',
    'cosa',
    'come',
    'dove',
    'quando',
    'perche',
    'chi',
    'quale',
    'quali',
    'quanto',
    'quanti',
    'quanta',
    'posso',
    'si puo',
    'e legale',
    'qualcuno sa',
    'qualcuno',
  ],
  cs: [
    'co',
    'jak',
    'kde',
    'kdy',
    'proc',
    'kdo',
    'ktery',
    'ktera',
    'ktere',
    'kolik',
    'muzu',
    'mohu',
    'muze',
    'je to',
    'nevi nekdo',
    'vi nekdo',
    'ma nekdo',
  ],
  sk: [
    'co',
    'ako',
    'kde',
    'kedy',
    'preco',
    'kto',
    'ktory',
    'ktora',
    'ktore',
    'kolko',
    'mozem',
    'moze',
    'je to',
    'nevie niekto',
    'vie niekto',
    'ma niekto',
  ],
};

/** Phrases that ask for help wherever they stand in the post. */
const HELP_PHRASES: readonly string[] = [
  // de
  'weiss jemand',
  'kennt jemand',
  'hat jemand',
  'kann mir jemand',
  'bitte um hilfe',
  'ich habe eine frage',
  'habe eine frage',
  'i have a question',
  'quick question',
  'mam pytanie',
  'am o intrebare',
  'imam vapros',
  'имам въпрос',
  'imam pitanje',
  'kerdesem van',
  'tengo una pregunta',
  "j'ai une question",
  'ho una domanda',
  'mam dotaz',
  'mam otazku',
  'brauche hilfe',
  'wie kann ich',
  'was kann ich',
  'was soll ich',
  // en
  'does anyone know',
  'anyone know',
  'can anyone',
  'can someone',
  'please help',
  'need help',
  'any advice',
  'what should i do',
  'what can i do',
  // pl
  'czy ktos',
  'ktos wie',
  'moze ktos',
  'prosze o pomoc',
  'potrzebuje pomocy',
  'co mam robic',
  'co robic',
  'jak to jest',
  'jakie mam prawa',
  // ro
  'stie cineva',
  'poate cineva',
  'ma poate ajuta',
  'va rog ajutati',
  'am nevoie de ajutor',
  'ajutati-ma',
  'ce pot face',
  'ce sa fac',
  'ce trebuie sa fac',
  // bg
  'знае ли някой',
  'някой знае',
  'моля за помощ',
  'помогнете',
  'какво да правя',
  'nyakoi znae',
  'znae li nyakoi',
  'pomognete',
  'kakvo da pravya',
  // el
  'ξερει κανεις',
  'μπορει καποιος',
  'βοηθεια',
  'τι να κανω',
  'τι ισχυει',
  'xerei kaneis',
  'kserei kaneis',
  'mporei kapoios',
  'voitheia',
  'ti na kano',
  'ti isxyei',
  // hr
  'zna li netko',
  'moze li netko',
  'treba mi pomoc',
  'molim pomoc',
  'sto da radim',
  'sta da radim',
  // hu
  'tud valaki',
  'tudna valaki',
  'segitseget kernek',
  'segitsetek',
  'mit tegyek',
  'mit csinaljak',
  // es
  'alguien sabe',
  'alguien me puede',
  'necesito ayuda',
  'ayuda por favor',
  'que puedo hacer',
  'que hago',
  // fr
  "quelqu'un sait",
  "quelqu'un peut",
  "besoin d'aide",
  'aidez-moi',
  'aidez moi',
  'que faire',
  'que dois-je faire',
  // it
  'qualcuno sa',
  'qualcuno puo',
  'ho bisogno di aiuto',
  'aiuto per favore',
  'cosa posso fare',
  'cosa devo fare',
  // cs
  'vi nekdo',
  'nevi nekdo',
  'poradi nekdo',
  'prosim o radu',
  'potrebuji pomoc',
  'co mam delat',
  // sk
  'vie niekto',
  'nevie niekto',
  'poradi niekto',
  'prosim o radu',
  'potrebujem pomoc',
  'co mam robit',
];

// `;` is the Greek question mark only right after a Greek word; U+037E is the real one.
const QUESTION_MARK = /[?？\u037e]|[\u0370-\u03ff\u1f00-\u1fff];(?:\s|$)/u;

// Sentence starts: the text start, or after . ! ? ; : newline, or a leading greeting comma.
const CLAUSE_SPLIT = /[.!?？;:\n]+|,\s+/u;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ALL_INTERROGATIVES = [...new Set(Object.values(INTERROGATIVES).flat())].sort(
  (a, b) => b.length - a.length,
);
const INTERROGATIVE_START = new RegExp(
  `^(?:${ALL_INTERROGATIVES.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);
const HELP_PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${HELP_PHRASES.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);

/** Words that open a clause but are also ordinary words; only count before a question-like end. */
const AMBIGUOUS_STARTS = new Set([
  'ce',
  'co',
  'que',
  'che',
  'mi',
  'ki',
  'ti',
  'pou',
  'ou',
  'kak',
  'kad',
  'cat',
  'care',
  'how',
  'what',
  'when',
  'which',
  'lehet',
  'does',
  'did',
  'could',
  'would',
  'anyone',
  'alguien',
  'qualcuno',
  "quelqu'un",
  'come',
  'como',
  'cum',
  'jak',
  'ako',
  'kako',
  'wie',
  'was',
  'wo',
]);

export interface QuestionEvidence {
  isQuestion: boolean;
  /** Which kinds of evidence were found (for tests and explanations). */
  reasons: ('question-mark' | 'interrogative' | 'help-phrase')[];
}

export function analyseQuestion(text: string): QuestionEvidence {
  const folded = foldText(text);
  const reasons: QuestionEvidence['reasons'] = [];
  if (QUESTION_MARK.test(text)) reasons.push('question-mark');
  if (HELP_PHRASE.test(folded)) reasons.push('help-phrase');
  const clauses = folded.split(CLAUSE_SPLIT).map((clause) => clause.trim());
  for (const clause of clauses) {
    const match = INTERROGATIVE_START.exec(clause);
    if (!match) continue;
    // "ce" (Romanian "what") also starts "ce bine ca...": a lone ambiguous word
    // needs a few more words after it to read as a question, not as an exclamation.
    const word = match[0];
    if (AMBIGUOUS_STARTS.has(word) && clause.split(' ').length < 3) continue;
    reasons.push('interrogative');
    break;
  }
  return { isQuestion: reasons.length > 0, reasons };
}

export function isQuestion(text: string): boolean {
  return analyseQuestion(text).isQuestion;
}
