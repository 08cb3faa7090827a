/**
 * A small translator for the overlay's strings, so the content script (which
 * loads on every Facebook page) does not carry i18next and react-i18next
 * (about 17 KB gzipped). It reads the same `locales/<lng>/overlay*.json`
 * files and understands the subset of i18next's format they use:
 *
 * - nested keys (`reply.inserted`) and a namespace prefix (`overlay:reply.failed`);
 * - `{{name}}` interpolation, without HTML escaping (React renders text);
 * - plurals by `count` with CLDR suffixes (`key_one`, `key_other`, ...);
 * - `defaultValue`, then the fallback language, then the key itself.
 *
 * Pure: no browser globals, so it is unit-tested under Node.
 */

export type Strings = { [key: string]: string | Strings };
/** language → namespace → strings */
export type Resources = Record<string, Record<string, Strings>>;
export type TranslateOptions = Record<string, unknown> & {
  count?: number;
  defaultValue?: string;
};
export type Translate = (key: string, options?: TranslateOptions) => string;

const NAMESPACE_SEPARATOR = ':';

function lookup(strings: Strings | undefined, path: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(template: string, options: TranslateOptions | undefined): string {
  if (!options) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? whole : String(value as string | number);
  });
}

export interface Translator {
  readonly language: string;
  /** `t` for one default namespace; `ns:key` reaches another. */
  fixedT(namespace: string): Translate;
}

export function createTranslator(
  resources: Resources,
  language: string,
  fallbackLanguage = 'en',
): Translator {
  const plurals = new Intl.PluralRules(language);
  const fallbackPlurals = new Intl.PluralRules(fallbackLanguage);
  const find = (namespace: string, key: string, count: number | undefined): string | undefined => {
    for (const [lng, rules] of [
      [language, plurals],
      [fallbackLanguage, fallbackPlurals],
    ] as const) {
      const strings = resources[lng]?.[namespace];
      if (count !== undefined) {
        const plural = lookup(strings, `${key}_${rules.select(count)}`);
        if (plural !== undefined) return plural;
      }
      const exact = lookup(strings, key);
      if (exact !== undefined) return exact;
    }
    return undefined;
  };
  return {
    language,
    fixedT(defaultNamespace) {
      return (key, options) => {
        const separator = key.indexOf(NAMESPACE_SEPARATOR);
        const [namespace, path] =
          separator > 0
            ? [key.slice(0, separator), key.slice(separator + 1)]
            : [defaultNamespace, key];
        const found = find(namespace, path, options?.count) ?? options?.defaultValue ?? key;
        return interpolate(found, options);
      };
    },
  };
}
