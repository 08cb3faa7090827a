/**
 * One form of address per language (packs/FORMAT.md, "Form of address"):
 * every title and body of the default pack in a language addresses the
 * reader the same way. Each rule lists words that only the other form uses,
 * so a hit is a real slip, not a guess; quoted speech („…“, "…", «…») is
 * left out, because a myth or an employer is quoted as they speak.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PostLanguage } from '../lib/domain/languages';
import { parsePack } from '../lib/packs/parse';
import { DEFAULT_PACK_FILE } from './default-pack-sources';

interface AddressRule {
  form: string;
  /** Words of the other form; matched as whole words. */
  otherForm: RegExp;
}

const RULES: Partial<Record<PostLanguage, AddressRule>> = {
  // Case matters: "Sie/Ihr" at a sentence start must not count as du.
  de: {
    form: 'Sie',
    otherForm: /(?<![\p{L}])(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)(?![\p{L}])/gu,
  },
  pl: {
    form: 'Ty, capitalised',
    otherForm:
      /(?<![\p{L}])(cię|ciebie|tobie|tobą|twój|twoja|twoje|twojej|twoim|twoich|twoją|twojego|twoimi|twojemu|pan|pani|państwo)(?![\p{L}])/gu,
  },
  ro: { form: 'tu', otherForm: /(?<![\p{L}])(dumneavoastră|dvs)(?![\p{L}])/giu },
  bg: {
    form: 'вие',
    otherForm: /(?<![\p{L}])(твой|твоя|твоят|твое|твоето|твоите|тебе|теб)(?![\p{L}])/giu,
  },
  el: { form: 'εσείς', otherForm: /(?<![\p{L}])(εσύ|σου|σένα)(?![\p{L}])/giu },
  hr: {
    form: 'vi',
    otherForm:
      /(?<![\p{L}])(tebi|tebe|tvoj|tvoja|tvoje|tvog|tvojeg|tvojim|tvoju|tvojih)(?![\p{L}])/giu,
  },
  hu: { form: 'te', otherForm: /(?<![\p{L}])(ön|önnek|önt|önök|önöknek|önnel)(?![\p{L}])/giu },
  es: { form: 'tú', otherForm: /(?<![\p{L}])(usted|ustedes)(?![\p{L}])/giu },
  fr: { form: 'vous', otherForm: /(?<![\p{L}])(tu|toi|ton|tes)(?![\p{L}])/giu },
  cs: {
    form: 'vy',
    otherForm: /(?<![\p{L}])(ty|tě|tebe|tobě|tvůj|tvoje|tvého|tvému|tvým|tvá|tvé)(?![\p{L}])/giu,
  },
  sk: {
    form: 'vy',
    otherForm:
      /(?<![\p{L}])(ty|teba|tebe|tebou|tvoj|tvoja|tvoje|tvojho|tvojej|tvojim)(?![\p{L}])/giu,
  },
};

/** Text outside quotation marks. */
function unquoted(text: string): string {
  return text.replace(/„[^“”]*[“”]|"[^"]*"|«[^»]*»|“[^”]*”/g, ' ');
}

function otherFormWords(language: PostLanguage, text: string): string[] {
  const rule = RULES[language];
  if (!rule) return [];
  return [...unquoted(text).matchAll(rule.otherForm)].map((m) => m[0]);
}

describe('form of address in the default pack (packs/FORMAT.md)', () => {
  const parsed = parsePack(readFileSync(DEFAULT_PACK_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('default pack does not parse');

  it.each(Object.entries(RULES) as [PostLanguage, AddressRule][])(
    '%s: every title and body uses the chosen form',
    (language) => {
      const slips = parsed.pack.answers.flatMap((answer) => {
        const text = answer.texts[language];
        if (!text) return [];
        const words = otherFormWords(language, `${text.title}\n${text.body}`);
        return words.length > 0 ? [`${answer.id}: ${words.join(', ')}`] : [];
      });
      expect(slips).toEqual([]);
    },
  );
});

describe('otherFormWords', () => {
  it.each([
    ['de', 'Melde dich bei der Agentur, du hast 3 Tage.', ['dich', 'du']],
    ['de', 'Sie haben Anspruch; Ihr Arbeitgeber muss zahlen.', []],
    ['de', 'Der Chef sagt: „Du bist gekündigt.“ Das ist unwirksam.', []],
    ['pl', 'Pracodawca musi Ci zapłacić, to Twoje prawo.', []],
    ['pl', 'Pracodawca musi cię zgłosić.', ['cię']],
    ['cs', 'Nejspíš máte nárok; vaše mzda.', []],
    ['cs', 'Tvůj zaměstnavatel tě musí přihlásit.', ['Tvůj', 'tě']],
    ['fr', 'Vous avez droit à votre salaire.', []],
    ['el', 'Ζητήστε τα χρήματά σας.', []],
    ['el', 'Ζήτα τα χρήματά σου.', ['σου']],
  ] as [PostLanguage, string, string[]][])('%s %j → %j', (language, text, expected) => {
    expect(otherFormWords(language, text)).toEqual(expected);
  });
});
