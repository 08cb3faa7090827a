/**
 * All UI strings, bundled at build time from `locales/<language>/<namespace>.json`.
 * A feature adds its namespace by adding one file per UI language; the
 * locale test checks that every language has the same files and keys.
 */
import type { UiLanguage } from '../domain/languages';

type Strings = { [key: string]: string | Strings };

const modules = import.meta.glob<{ default: Strings }>('../../locales/*/*.json', { eager: true });

export type Resources = Record<UiLanguage, Record<string, Strings>>;

export function loadResources(): Resources {
  const resources: Resources = { en: {}, de: {} };
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match;
    if (language !== 'en' && language !== 'de') continue;
    resources[language][namespace as string] = module.default;
  }
  return resources;
}

export const NAMESPACES = [
  ...new Set(Object.keys(modules).map((path) => /([a-z-]+)\.json$/.exec(path)?.[1] ?? 'common')),
];
