/**
 * i18next setup shared by the popup, the dashboard and the workspace. The UI
 * language comes from the settings (`auto` follows the browser's language)
 * and switches live when the setting changes.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { browser } from 'wxt/browser';
import type { UiLanguage } from '../domain/languages';
import type { UiLanguageSetting } from '../settings/settings';
import { getSettings, watchSettings } from '../settings/settings';
import { loadResources, NAMESPACES } from './resources';

export function resolveUiLanguage(setting: UiLanguageSetting, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

/** Creates an i18next instance in the given language (no storage access). */
export async function createI18n(language: UiLanguage): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: loadResources(),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * An instance that follows the user's setting. Returns it with a function
 * that stops following.
 */
export async function createSettingsI18n(): Promise<{ i18n: I18n; stop: () => void }> {
  const settings = await getSettings();
  const i18n = await createI18n(resolveUiLanguage(settings.uiLanguage, browserUiLanguage()));
  document.documentElement.lang = i18n.language;
  const stop = watchSettings((next) => {
    const language = resolveUiLanguage(next.uiLanguage, browserUiLanguage());
    if (language !== i18n.language) {
      void i18n.changeLanguage(language).then(() => {
        document.documentElement.lang = language;
      });
    }
  });
  return { i18n, stop };
}
