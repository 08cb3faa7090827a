/**
 * The overlay's strings. Only namespaces whose file name starts with
 * `overlay` (`locales/<en|de>/overlay*.json`, e.g. `overlay.json`,
 * `overlay-suggestions.json`) are bundled into the content script, so the
 * dashboard's strings do not weigh on every Facebook page.
 */
import i18next, { type i18n as I18n } from 'i18next';
import type { UiLanguage } from '../domain/languages';

type Strings = { [key: string]: string | Strings };

const modules = import.meta.glob<{ default: Strings }>('../../locales/*/overlay*.json', {
  eager: true,
});

export function overlayResources(): Record<UiLanguage, Record<string, Strings>> {
  const resources: Record<UiLanguage, Record<string, Strings>> = { en: {}, de: {} };
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/(en|de)\/(overlay[a-z-]*)\.json$/.exec(path);
    if (match?.[1] && match[2]) resources[match[1] as UiLanguage][match[2]] = module.default;
  }
  return resources;
}

export function resolveOverlayLanguage(setting: string, browserLanguage: string): UiLanguage {
  if (setting === 'en' || setting === 'de') return setting;
  return browserLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export async function createOverlayI18n(language: UiLanguage): Promise<I18n> {
  const resources = overlayResources();
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    ns: Object.keys(resources.en),
    defaultNS: 'overlay',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
