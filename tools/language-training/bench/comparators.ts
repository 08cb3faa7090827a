/**
 * The detectors the benchmark compares, each restricted to the 13 post
 * languages where the library allows it, with Serbian/Bosnian mapped to hr
 * and Latin-script Bulgarian/Greek tags mapped to bg/el.
 */
import { franc } from 'franc';
import type { Comparator } from '../../../bench/peers';
import {
  isPostLanguage,
  POST_LANGUAGES,
  type DetectedLanguage,
} from '../../../lib/domain/languages';
import { detectLanguage, loadLanguageDetector } from '../../../lib/language/index';

function toProductCode(code: string): DetectedLanguage {
  const base = code.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'sr' || base === 'bs') return 'hr';
  return isPostLanguage(base) ? base : 'und';
}

const ISO6393: Record<string, DetectedLanguage> = {
  deu: 'de',
  eng: 'en',
  pol: 'pl',
  ron: 'ro',
  bul: 'bg',
  ell: 'el',
  hrv: 'hr',
  srp: 'hr',
  bos: 'hr',
  hun: 'hu',
  spa: 'es',
  fra: 'fr',
  ita: 'it',
  ces: 'cs',
  slk: 'sk',
};

export async function loadComparators(log: (line: string) => void): Promise<Comparator[]> {
  loadLanguageDetector();
  const comparators: Comparator[] = [
    { name: 'outreach-advisor', detect: (text) => detectLanguage(text).language },
  ];

  const eldModule = (await import('eld/large')) as unknown as {
    eld: {
      detect(text: string): { language: string };
      setLanguageSubset(codes: string[]): unknown;
    };
  };
  const eld = eldModule.eld;
  // Serbian stays in so eld can answer it; it counts as hr (docs/PRODUCT.md#post-languages).
  eld.setLanguageSubset([...POST_LANGUAGES, 'sr']);
  comparators.push({
    name: 'eld 2.1.0 (large)',
    detect: (text) => toProductCode(eld.detect(text).language),
  });

  const only = Object.keys(ISO6393);
  comparators.push({
    name: 'franc 6.2.0',
    detect: (text) => ISO6393[franc(text, { only })] ?? 'und',
  });

  try {
    const { loadModule } = await import('cld3-asm');
    const factory = await loadModule();
    const identifier = factory.create(0, 1000);
    comparators.push({
      name: 'cld3 (cld3-asm 4.0.0)',
      detect: (text) => toProductCode(identifier.findLanguage(text).language),
    });
  } catch (error) {
    log(`cld3 not available: ${error instanceof Error ? error.message : String(error)}`);
  }
  return comparators;
}
