/**
 * The in-page marker's strings (`locales/<en|de>/marker.json`): the only
 * strings the content script carries, read with the small translator
 * (lib/content/translator.ts) instead of i18next.
 */
import type { UiLanguage } from '../domain/languages';
import { createTranslator, type Resources, type Strings, type Translate } from './translator';

const modules = import.meta.glob<Strings>('../../locales/*/marker.json', {
  eager: true,
  import: 'default',
});

export function markerResources(): Resources {
  const resources: Resources = { en: {}, de: {} };
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/(en|de)\/marker\.json$/.exec(path);
    const language = match?.[1];
    if (language) (resources[language] ??= {}).marker = module;
  }
  return resources;
}

export function resolveUiLanguage(setting: string, browserLanguage: string): UiLanguage {
  if (setting === 'en' || setting === 'de') return setting;
  return browserLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** `t` for the marker namespace in the given language. */
export function markerTranslator(language: UiLanguage, resources = markerResources()): Translate {
  return createTranslator(resources, language).fixedT('marker');
}
