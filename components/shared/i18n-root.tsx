import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createSettingsI18n } from '../../lib/i18n/i18n';

/**
 * Renders its children once the UI strings are loaded in the user's
 * language, and keeps following the language setting while mounted.
 */
export function I18nRoot({ children }: { children: ReactNode }) {
  const [i18n, setI18n] = useState<I18n>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void createSettingsI18n().then((result) => {
      if (cancelled) {
        result.stop();
        return;
      }
      stop = result.stop;
      setI18n(result.i18n);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  if (!i18n) return null;
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
