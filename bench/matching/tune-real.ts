/**
 * Tuning aid on real text: the matcher on the TUNING half of the real-text
 * set (bench/matching/real/; never the test half), per language and overall,
 * in both views of the benchmark (only `likely` counted as shown; every
 * suggestion counted), with the BM25 baseline. Each post is matched by a
 * matcher whose classifier never saw it or its site. `--misses` lists the
 * posts that went wrong with what was suggested; `--pack-only` matches
 * without the classifier; `--permissive` shows every post's ranking.
 *   npx tsx bench/matching/tune-real.ts [--misses] [--no-peers] [--pack FILE]
 *     [--pack-only] [--permissive] [--weights JSON] [--calibration JSON]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageDetector } from '../../lib/language/index';
import { DEFAULT_CALIBRATION, PACK_ONLY_CALIBRATION } from '../../lib/matching/calibration';
import { buildMatcher, type Matcher } from '../../lib/matching/matcher';
import { crossValidatedMatchers, trainingSamples } from './classifier-training';
import { PERMISSIVE } from './fit';
import { parsePack } from '../../lib/packs/parse';
import { loadBm25Tools } from '../peers';
import { asEvalItems, readTuningHalf } from './real-texts';
import { evaluate, evaluateLevels } from './scoring';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// --pack FILE: another pack (e.g. a frozen copy while the default pack is being edited).
const packAt = process.argv.indexOf('--pack');
const packFile =
  packAt > 0 ? (process.argv[packAt + 1] ?? '') : join(root, 'packs/default-pack.json');
const parsed = parsePack(readFileSync(packFile, 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
const pack = parsed.pack;
loadLanguageDetector();
const bm25 = await loadBm25Tools({
  log: (line) => console.log(line),
  peers: !process.argv.includes('--no-peers'),
});

const tuning = readTuningHalf();
const items = asEvalItems(tuning);
// --permissive: every post gets its ranking shown (the ranking's upper bound).
// --weights '{"topicModel":1}': another weighting; --calibration '{...}': another relevance model.
const json = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? (JSON.parse(process.argv[at + 1] ?? '{}') as Record<string, number>) : undefined;
};
const calibration = process.argv.includes('--permissive')
  ? PERMISSIVE
  : { ...DEFAULT_CALIBRATION, ...json('--calibration') };
// The classifier learned from these posts: each is matched by a matcher whose
// classifier never saw it or its site (classifier-training.ts). --pack-only:
// the matcher without classifier.
const siteOf = new Map(tuning.map((r) => [r.text, `site:${r.site}`]));
const weights = json('--weights') ?? {};
let matcherFor: (group: string) => Matcher;
if (process.argv.includes('--pack-only')) {
  const matcher = buildMatcher([pack], {
    calibration: process.argv.includes('--permissive')
      ? PERMISSIVE
      : { ...PACK_ONLY_CALIBRATION, ...json('--calibration') },
    weights,
  });
  matcherFor = () => matcher;
} else {
  matcherFor = crossValidatedMatchers(pack, trainingSamples(pack, root, tuning), {
    calibration,
    weights,
  }).matcherFor;
}
const matchOf = (text: string) => matcherFor(siteOf.get(text) ?? '').match({ text });
const views = evaluateLevels(items, (text) =>
  matchOf(text).suggestions.map(({ topic, level }) => ({ topic, level })),
);
const base = bm25 ? evaluate(items, bm25.buildBaseline(pack)) : undefined;
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '    -' : `${(100 * x).toFixed(1).padStart(5)}`;
type Figures = ReturnType<typeof evaluate>['overall'];
const row = (f: Figures | undefined) =>
  `${pct(f?.onTopicWithout)} ${pct(f?.top1)} ${pct(f?.top3)} ${pct(f?.offTopicSuggested)}`;
console.log(
  `TUNING half: ${items.length} posts; per block: on-topic without, top-1, top-3, off-topic with (%)`,
);
console.log('lang   on/off | likely only             | any shown               | BM25');
for (const language of [...Object.keys(views.any.perLanguage), 'overall']) {
  const pick = (r: ReturnType<typeof evaluate> | undefined) =>
    language === 'overall' ? r?.overall : r?.perLanguage[language];
  const a = pick(views.any);
  console.log(
    `${language.padEnd(7)} ${`${a?.onTopic}/${a?.offTopic}`.padStart(6)} | ${row(pick(views.likely))} | ${row(a)} | ${base ? row(pick(base)) : '-'}`,
  );
}
if (process.argv.includes('--misses')) {
  for (const item of items) {
    const result = matchOf(item.text);
    const topics = result.suggestions.map((s) => s.topic);
    const wrong = item.topic === 'off-topic' ? topics.length > 0 : topics[0] !== item.topic;
    if (!wrong) continue;
    const shown = result.suggestions
      .map((s) => `${s.topic}/${s.level[0]} ${s.score} (${s.matchedTerms.join(' ')})`)
      .join('; ');
    console.log(
      `  ${item.id} [${item.topic}] ${result.language} → ${shown || `(none; possible topics ${result.possibleTopics.join(', ')})`}`,
    );
    console.log(`      ${item.text.slice(0, 300).replace(/\s+/g, ' ')}`);
  }
}
