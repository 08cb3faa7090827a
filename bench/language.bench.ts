/**
 * Language-ID benchmark (`npm run bench -- language`): accuracy of this
 * detector against eld, franc and cld3 in the same run, on held-out snippets
 * of real text from npm packages (see tools/language-training/bench/sets.ts),
 * per set and per language; median µs per short snippet; bundle size;
 * cold-load time. The snippets and the peers come from tools/language-training
 * (installed on first use); with `--no-peers` only the bundle figures are measured.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POST_LANGUAGES } from '../lib/domain/languages';
import type { BenchSuite } from './types';
import { percentile } from './types';
import { measureBundle } from './language/bundle';
import type { Comparator, SnippetSet } from './peers';
import { loadLanguageTools } from './peers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface SetResult {
  accuracy: number;
  correct: number;
  total: number;
  perLanguage: Record<string, { accuracy: number; total: number }>;
}

function evaluate(comparator: Comparator, set: SnippetSet): SetResult {
  const perLanguage = new Map<string, [number, number]>();
  let correct = 0;
  for (const { text, language } of set.snippets) {
    const ok = comparator.detect(text) === language;
    if (ok) correct += 1;
    const entry = perLanguage.get(language) ?? [0, 0];
    entry[0] += ok ? 1 : 0;
    entry[1] += 1;
    perLanguage.set(language, entry);
  }
  return {
    accuracy: correct / set.snippets.length,
    correct,
    total: set.snippets.length,
    perLanguage: Object.fromEntries(
      [...perLanguage].map(([l, [ok, n]]) => [l, { accuracy: ok / n, total: n }]),
    ),
  };
}

function medianMicroseconds(comparator: Comparator, texts: readonly string[]): number {
  for (const text of texts) comparator.detect(text); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const text of texts) {
      const start = performance.now();
      comparator.detect(text);
      times.push((performance.now() - start) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

const suite: BenchSuite = async (context) => {
  const { log } = context;
  const tools = await loadLanguageTools(context);
  const sets = tools ? await tools.buildSnippetSets() : [];
  const comparators = tools ? await tools.loadComparators(log) : [];
  if (tools) log(`sets: ${sets.map((s) => `${s.id} ${s.snippets.length}`).join(', ')}`);

  const results: Record<string, Record<string, SetResult>> = {};
  const speed: Record<string, number> = {};
  const shortTexts = sets.find((s) => s.id === 'short-ui')?.snippets.map((s) => s.text) ?? [];
  for (const comparator of comparators) {
    results[comparator.name] = Object.fromEntries(
      sets.map((set) => [set.id, evaluate(comparator, set)]),
    );
    speed[comparator.name] = medianMicroseconds(comparator, shortTexts);
  }

  if (tools) {
    log('');
    log(`| detector | ${sets.map((s) => s.title).join(' | ')} | µs/snippet (median) |`);
    log(`|---|${sets.map(() => '---:').join('|')}|---:|`);
    for (const comparator of comparators) {
      const row = sets.map((set) =>
        pct(results[comparator.name]?.[set.id]?.accuracy ?? Number.NaN),
      );
      log(
        `| ${comparator.name} | ${row.join(' | ')} | ${(speed[comparator.name] ?? Number.NaN).toFixed(1)} |`,
      );
    }

    for (const set of sets) {
      log('');
      log(`Per language, ${set.title}:`);
      const languages = POST_LANGUAGES.filter((l) => set.snippets.some((s) => s.language === l));
      log(
        `| detector | ${languages.map((l) => `${l} (${set.snippets.filter((s) => s.language === l).length})`).join(' | ')} |`,
      );
      log(`|---|${languages.map(() => '---:').join('|')}|`);
      for (const comparator of comparators) {
        const per = results[comparator.name]?.[set.id]?.perLanguage ?? {};
        log(
          `| ${comparator.name} | ${languages.map((l) => pct(per[l]?.accuracy ?? Number.NaN)).join(' | ')} |`,
        );
      }
    }
  }

  const bundle = await measureBundle(root);
  const coldSorted = [...bundle.coldLoadMs].sort((a, b) => a - b);
  log('');
  log(
    `bundle (lib/language, minified, zod external): ${(bundle.bundleBytes / 1024).toFixed(0)} KB, ` +
      `${(bundle.bundleGzipBytes / 1024).toFixed(0)} KB gzipped; language data alone ${(bundle.dataGzipBytes / 1024).toFixed(0)} KB gzipped`,
  );
  log(
    `cold load (fresh Node process: import + first detection), median of 5: ${percentile(coldSorted, 50).toFixed(1)} ms`,
  );

  return {
    sets: Object.fromEntries(sets.map((s) => [s.id, s.snippets.length])),
    results,
    medianMicroseconds: speed,
    bundle,
  };
};

export default suite;
