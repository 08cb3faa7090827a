/**
 * The overlay's strings in React. Overlay components call
 * `useTranslation(namespace)` from here, not from react-i18next: the content
 * script carries a small translator (lib/content/translator.ts, loaded by
 * lib/content/overlay-strings.ts) instead of i18next to stay inside its size
 * budget. The hook has the same shape (`{ t, i18n: { language } }`), so
 * components read the same way as on extension pages.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { UiLanguage } from '../../lib/domain/languages';
import type { OverlayI18n } from '../../lib/content/overlay-strings';
import type { Translate } from '../../lib/content/translator';

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
