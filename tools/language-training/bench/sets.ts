/**
 * The held-out snippet sets of the language benchmark, built from the test
 * half of the corpus (train/corpus.ts): the detector's training
 * never saw these items. Serbian/Bosnian sources are left out of the sets.
 */
import type { PostLanguage } from '../../../lib/domain/languages';
import type { Snippet, SnippetSet } from '../../../bench/peers';
import type { CorpusItem } from '../train/corpus';
import { cutSnippets, fnv1a, loadTinymce, loadUdhr, loadUppy, splitOf } from '../train/corpus';
import {
  foldDiacritics,
  transliterateBulgarian,
  transliterateGreek,
} from '../../../lib/language/transliterate';

const STRIPPED: readonly PostLanguage[] = ['pl', 'ro', 'cs', 'sk', 'hr', 'hu'];

function snippetsOf(items: readonly CorpusItem[], min: number, max: number): Snippet[] {
  const seen = new Set<string>();
  const out: Snippet[] = [];
  for (const item of items) {
    for (const text of cutSnippets(item.text, min, max)) {
      const key = `${item.language}:${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text, language: item.language });
    }
  }
  return out;
}

export async function buildSnippetSets(): Promise<SnippetSet[]> {
  const all = [...(await loadUppy()), ...(await loadTinymce()), ...(await loadUdhr())];
  // TinyMCE is never used for training, so all of it is held out.
  const test = all.filter(
    (item) => !item.serbianOrBosnian && (item.source === 'tinymce' || splitOf(item.key) === 'test'),
  );
  const ui = test.filter((item) => item.source !== 'udhr');
  const udhr = test.filter((item) => item.source === 'udhr');
  const shortUi = snippetsOf(ui, 20, 60);
  const shortUdhr = snippetsOf(udhr, 20, 60);
  const short = [...shortUi, ...shortUdhr];
  const stripped = short
    .filter((s) => STRIPPED.includes(s.language))
    .map((s) => ({ text: foldDiacritics(s.text), language: s.language }))
    .filter((s, i, list) => list.findIndex((o) => o.text === s.text) === i);
  const latinTyped = short.flatMap((s): Snippet[] => {
    if (s.language === 'bg')
      return [{ text: transliterateBulgarian(s.text, 'official'), language: 'bg' }];
    if (s.language === 'el') {
      const style = fnv1a(s.text) % 2 === 0 ? 'elot' : 'greeklish';
      return [{ text: transliterateGreek(s.text, style), language: 'el' }];
    }
    return [];
  });
  return [
    { id: 'short-ui', title: 'short UI 20–60', snippets: shortUi },
    { id: 'short-udhr', title: 'short UDHR 20–60', snippets: shortUdhr },
    { id: 'long', title: 'long 60–200', snippets: snippetsOf(test, 60, 200) },
    { id: 'stripped', title: 'no diacritics pl/ro/cs/sk/hr/hu', snippets: stripped },
    { id: 'latin-typed', title: 'Latin-typed bg/el', snippets: latinTyped },
  ];
}
