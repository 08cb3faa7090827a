/**
 * Classes of the detector's own character model: the 13 post languages in
 * the order of POST_LANGUAGES, then Bulgarian and Greek typed in Latin
 * letters, which are reported as `bg`/`el` with `latinTyped: true`.
 */
import { POST_LANGUAGES } from '../domain/languages';
import type { PostLanguage } from '../domain/languages';

export const MODEL_CLASSES = [...POST_LANGUAGES, 'bg-latn', 'el-latn'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
export const CLASS_COUNT = MODEL_CLASSES.length;
export const BG_LATN = MODEL_CLASSES.indexOf('bg-latn');
export const EL_LATN = MODEL_CLASSES.indexOf('el-latn');

export function languageOfClass(index: number): PostLanguage {
  if (index === BG_LATN) return 'bg';
  if (index === EL_LATN) return 'el';
  const language = POST_LANGUAGES[index];
  if (language === undefined) throw new RangeError(`no model class ${index}`);
  return language;
}

/** Encodes a class index as one letter in the generated data files. */
export function classLetter(index: number): string {
  return String.fromCharCode(97 + index);
}
