/**
 * The overlay's strings. Only namespaces whose file name starts with
 * `overlay` (`locales/<en|de>/overlay*.json`, e.g. `overlay.json`,
 * `overlay-suggestions.json`) are bundled into the content script, so the
 * dashboard's strings do not weigh on every Facebook page.
 *
 * Overlay components call `useTranslation(namespace)` from here, not from
 * react-i18next: the content script carries a small translator (see
 * translator.ts) instead of i18next to stay inside its size budget. The hook
 * has the same shape (`{ t, i18n: { language } }`), so components read the
 * same way as on extension pages.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
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

const OverlayI18nContext = createContext<OverlayI18n | null>(null);

export function OverlayI18nProvider({
  i18n,
  children,
}: {
  i18n: OverlayI18n;
  children: ReactNode;
}) {
  return <OverlayI18nContext.Provider value={i18n}>{children}</OverlayI18nContext.Provider>;
}

/**
 * Like react-i18next's hook: with several namespaces the first is the default
 * (`other:key` reaches the others).
 */
export function useTranslation(namespaces: string | readonly string[] = 'overlay'): {
  t: Translate;
  i18n: { language: UiLanguage };
} {
  const namespace = typeof namespaces === 'string' ? namespaces : (namespaces[0] ?? 'overlay');
  const i18n = useContext(OverlayI18nContext);
  if (!i18n) throw new Error('useTranslation needs an OverlayI18nProvider above it');
  const subscribe = useCallback((listener: () => void) => i18n.subscribe(listener), [i18n]);
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  // A new `t` when the language changes, so components that memoise on it re-render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const t = useMemo(() => i18n.getFixedT(namespace), [i18n, namespace, language]);
  return { t, i18n: { language } };
}
