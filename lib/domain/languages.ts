/**
 * The post languages the product supports (docs/PRODUCT.md#post-languages), in the order
 * used for display and statistics. `und` means "could not be determined".
 */
export const POST_LANGUAGES = [
  'de',
  'en',
  'pl',
  'ro',
  'bg',
  'el',
  'hr',
  'hu',
  'es',
  'fr',
  'it',
  'cs',
  'sk',
] as const;

export type PostLanguage = (typeof POST_LANGUAGES)[number];
export type DetectedLanguage = PostLanguage | 'und';

/** UI languages: the extension's own interface is complete in these. */
export const UI_LANGUAGES = ['en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Endonyms, so a language is recognisable whatever the UI language is. */
export const LANGUAGE_ENDONYMS: Record<PostLanguage, string> = {
  de: 'Deutsch',
  en: 'English',
  pl: 'Polski',
  ro: 'Română',
  bg: 'Български',
  el: 'Ελληνικά',
  hr: 'Hrvatski',
  hu: 'Magyar',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  cs: 'Čeština',
  sk: 'Slovenčina',
};

export function isPostLanguage(value: string): value is PostLanguage {
  return (POST_LANGUAGES as readonly string[]).includes(value);
}
