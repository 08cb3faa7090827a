/**
 * Mechanical text variants: diacritics stripped, and Bulgarian/Greek typed in
 * Latin letters. The detector uses `foldDiacritics` at run time; the training
 * script and the benchmark use all of them to build the variants real posts
 * show ("nie dostalem wyplaty", "zdraveite", "kalispera").
 */

const EXTRA_FOLDS: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ı: 'i',
};

/** Removes accents and the few letters NFD does not decompose (ł, đ). Keeps ß. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁđĐøØı]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

/** Bulgarian, official system of the 2009 Transliteration Act. */
const BG_OFFICIAL: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  ѝ: 'i',
};

/** Bulgarian as commonly typed informally ("zdraveite, imam vapros"): й as i, я as ia. */
const BG_INFORMAL: Record<string, string> = {
  ...BG_OFFICIAL,
  й: 'i',
  ь: '',
  ю: 'iu',
  я: 'ia',
};

/** Chat style ("vupros", "jena", "cena"): ъ as u, ж as j, ц as c. */
const BG_CHAT: Record<string, string> = {
  ...BG_INFORMAL,
  ъ: 'u',
  ж: 'j',
  ц: 'c',
};

function mapCyrillic(text: string, table: Record<string, string>): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += char;
    else out += char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

export function transliterateBulgarian(
  text: string,
  style: 'official' | 'informal' | 'chat' = 'official',
): string {
  // The Act writes "-ия" at the end of a word as "-ia".
  const prepared = style === 'official' ? text.replace(/ия(?=$|[^\p{L}])/gu, 'иa') : text;
  const table = style === 'official' ? BG_OFFICIAL : style === 'informal' ? BG_INFORMAL : BG_CHAT;
  return mapCyrillic(prepared, table);
}

const GREEK_BASE: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** ELOT 743 (simplified: digraphs for ου, μπ/ντ/γκ, αυ/ευ; no stress marks). */
function greekElot(text: string): string {
  const voiced = /[αεηιουωβγδζλμνρ]/;
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ου/g, 'ou')
    .replace(/γγ/g, 'ng')
    .replace(/γκ/g, 'gk')
    .replace(/γξ/g, 'nx')
    .replace(/γχ/g, 'nch')
    .replace(/(^|[^\p{L}])μπ/gu, '$1b')
    .replace(/μπ(?=$|[^\p{L}])/gu, 'b')
    .replace(/([αεη])υ(.?)/g, (_, vowel: string, next: string) => {
      const latin = GREEK_BASE[vowel] ?? vowel;
      return `${latin}${next !== '' && voiced.test(next) ? 'v' : 'f'}${next}`;
    })
    .replace(/[\u0370-\u03ff]/g, (c) => GREEK_BASE[c] ?? c);
}

/** Informal "Greeklish" as typed on phones: χ→x/h, θ→th, ου→ou, υ/η→i, ω→o. */
function greekGreeklish(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ου/g, 'ou')
    .replace(/αι/g, 'e')
    .replace(/ει|οι/g, 'i')
    .replace(/μπ/g, 'b')
    .replace(/ντ/g, 'nt')
    .replace(/αυ/g, 'af')
    .replace(/ευ/g, 'ef')
    .replace(/[\u0370-\u03ff]/g, (c) => {
      if (c === 'χ') return 'x';
      if (c === 'υ' || c === 'η') return 'i';
      if (c === 'ξ') return 'ks';
      return GREEK_BASE[c] ?? c;
    });
}

export function transliterateGreek(text: string, style: 'elot' | 'greeklish' = 'elot'): string {
  return style === 'elot' ? greekElot(text) : greekGreeklish(text);
}
