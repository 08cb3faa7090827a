/** How the workspace names languages: post languages by their endonym, so any advisor recognises them. */
import { isPostLanguage, LANGUAGE_ENDONYMS, type UiLanguage } from '../../lib/domain/languages';
import type { Translate } from './placeholder-labels';

export function languageName(language: string | null | undefined, t: Translate): string {
  if (language && isPostLanguage(language)) return LANGUAGE_ENDONYMS[language];
  return t('language.unknown');
}

export function uiLanguageOf(language: string): UiLanguage {
  return language.startsWith('de') ? 'de' : 'en';
}
