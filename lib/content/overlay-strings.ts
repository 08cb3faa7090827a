/**
 * The overlay's strings. Only namespaces whose file name starts with
 * `overlay` (`locales/<en|de>/overlay*.json`, e.g. `overlay.json`,
 * `overlay-suggestions.json`) are bundled into the content script, so the
 * dashboard's strings do not weigh on every Facebook page.
 *
 * This is the part the content script's lifecycle needs (lib/content/start.ts
 * picks the language and changes it when the settings change); the React
 * side — the provider and `useTranslation` — is in
 * components/overlay/overlay-i18n.tsx.
 */
import type { UiLanguage } from '../domain/languages';
import { createTranslator, type Resources, type Strings, type Translate } from './translator';

// Only the default export: the whole module namespace would add a getter per top-level key.
const modules = import.meta.glob<Strings>('../../locales/*/overlay*.json', {
  eager: true,
  import: 'default',
});

export function overlayResources(): Record<UiLanguage, Record<string, Strings>> {
  const resources: Record<UiLanguage, Record<string, Strings>> = { en: {}, de: {} };
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/(en|de)\/(overlay[a-z-]*)\.json$/.exec(path);
    if (match?.[1] && match[2]) resources[match[1] as UiLanguage][match[2]] = module;
  }
  return resources;
}

export function resolveOverlayLanguage(setting: string, browserLanguage: string): UiLanguage {
  if (setting === 'en' || setting === 'de') return setting;
  return browserLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The overlay's language and strings; the language can change while overlays are shown. */
export interface OverlayI18n {
  readonly language: UiLanguage;
  changeLanguage(language: UiLanguage): void;
  /** `t` with `namespace` as default (`other-ns:key` still works). */
  getFixedT(namespace: string): Translate;
  subscribe(listener: () => void): () => void;
}

export function createOverlayI18n(
  language: UiLanguage,
  resources: Resources = overlayResources(),
): OverlayI18n {
  let translator = createTranslator(resources, language);
  const listeners = new Set<() => void>();
  return {
    get language() {
      return translator.language as UiLanguage;
    },
    changeLanguage(next) {
      if (next === translator.language) return;
      translator = createTranslator(resources, next);
      for (const listener of [...listeners]) listener();
    },
    getFixedT: (namespace) => translator.fixedT(namespace),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
