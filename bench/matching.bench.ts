/**
 * Matching benchmark (`npm run bench -- matching [--purpose=WHY] [--no-test-half]`).
 *
 * Headline quality: the test half of the real-text set (bench/matching/real/,
 * texts other people wrote in public; split by source site, README there),
 * per language and overall, in two views — only `likely` suggestions counted
 * as shown, and every suggestion in the list (`likely` or `possible`) — with
 * on-topic posts without a suggestion, top-1, top-3 and off-topic posts with
 * a suggestion, and the BM25 baseline on the same posts. Each run appends a
 * line to bench/matching/real/TEST-HALF-RUNS.md (`--purpose=` says why);
 * `--no-test-half` skips it (latency only, or the team-written set).
 *
 * Second line: the labelled evaluation set bench/matching/eval-set.json (written
 * independently of the pack; never used for tuning or calibration) against
 * the default pack, for this matcher and, in the same run, a baseline of
 * plain BM25 (MiniSearch with its default tokenizer, one document per answer
 * and language with examples, keywords, title and body). Both get their
 * relevance threshold by the same procedure on data that is not the eval set:
 * the cut where at most 8% of bench/matching/off-topic-calibration.ts passes
 * (for the matcher that is built into its calibration, see calibrate.ts).
 * MiniSearch is installed in tools/language-training (on first use); with
 * `--no-peers` the baseline columns are left out.
 *
 * Latency: a deterministic 300-answer pack in 13 languages
 * (matching/synthetic-pack.ts); index build per language and for all 15
 * index variants; match time per post, p50/p95.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage, loadLanguageDetector } from '../lib/language/index';
import { readTopicClassifier } from '../lib/cli/classifier-file';
import { createMatcher } from '../lib/matching/index';
import { buildMatcher, VARIANTS } from '../lib/matching/matcher';
import { parsePack } from '../lib/packs/parse';
import { asEvalItems, readTestHalf } from './matching/real-texts';
import { evaluate, evaluateLevels, type EvalItem } from './matching/scoring';
import { buildSyntheticPack } from './matching/synthetic-pack';
import { loadBm25Tools } from './peers';
import type { BenchSuite } from './types';
import { percentile } from './types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const pct = (value: number | null) =>
  value === null ? '   -  ' : `${(100 * value).toFixed(1).padStart(5)}%`;

type Figures = ReturnType<typeof evaluate>['overall'];
const row = (f: Figures | undefined) =>
  f
    ? `${pct(f.onTopicWithout)} ${pct(f.top1)} ${pct(f.top3)} ${pct(f.offTopicSuggested)}`
    : '    -      -      -      -  ';

const suite: BenchSuite = async (context) => {
  const { log } = context;
  const bm25 = await loadBm25Tools(context);
  const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the default pack does not parse');
  const pack = parsed.pack;
  const items = JSON.parse(
    readFileSync(join(root, 'bench/matching/eval-set.json'), 'utf8'),
  ) as EvalItem[];
  loadLanguageDetector();

  // As the extension and the CLI match: with the shipped classifier.
  const classifier = readTopicClassifier();
  const matcher = createMatcher([pack], { classifier });
  // The same packs without it (the matcher before the classifier, same run).
  const packOnly = createMatcher([pack]);

  // Headline: the real-text test half.
  let real: Record<string, unknown> | undefined;
  if (!process.argv.includes('--no-test-half')) {
    const purpose =
      process.argv.find((arg) => arg.startsWith('--purpose='))?.slice('--purpose='.length) ??
      '(no purpose given)';
    const records = readTestHalf(`npm run bench -- ${process.argv.slice(2).join(' ')}`, purpose);
    const testItems = asEvalItems(records);
    const views = evaluateLevels(testItems, (text) =>
      matcher.match({ text }).suggestions.map(({ topic, level }) => ({ topic, level })),
    );
    const base = bm25 ? evaluate(testItems, bm25.buildBaseline(pack)) : undefined;
    const withoutClassifier = evaluateLevels(testItems, (text) =>
      packOnly.match({ text }).suggestions.map(({ topic, level }) => ({ topic, level })),
    );
    log(
      `real-text TEST half: ${testItems.length} posts (${testItems.filter((i) => i.topic === 'off-topic').length} off-topic), recorded in bench/matching/real/TEST-HALF-RUNS.md`,
    );
    log('columns per block: on-topic without suggestion, top-1, top-3, off-topic with suggestion');
    log(
      `language  n(on/off) | likely only                 | any shown (likely+possible) | BM25 baseline               | packs only, any shown`,
    );
    const languages = [...Object.keys(views.any.perLanguage), 'overall'];
    for (const language of languages) {
      const pick = (r: ReturnType<typeof evaluate> | undefined) =>
        language === 'overall' ? r?.overall : r?.perLanguage[language];
      const a = pick(views.any);
      log(
        `${language.padEnd(8)} ${`${a?.onTopic ?? 0}/${a?.offTopic ?? 0}`.padStart(9)} | ${row(pick(views.likely))} | ${row(a)} | ${base ? row(pick(base)) : '(--no-peers)               '} | ${row(pick(withoutClassifier.any))}`,
      );
    }
    real = {
      posts: testItems.length,
      likely: views.likely,
      any: views.any,
      baseline: base,
      packsOnly: withoutClassifier,
    };
  }

  const ours = evaluate(items, (text) => matcher.match({ text }).suggestions.map((s) => s.topic));
  const oursPackOnly = evaluate(items, (text) =>
    packOnly.match({ text }).suggestions.map((s) => s.topic),
  );
  const baseline = bm25 ? evaluate(items, bm25.buildBaseline(pack)) : undefined;

  log(
    `second line, team-written eval set: ${items.length} posts (${items.filter((i) => i.topic === 'off-topic').length} off-topic), default pack ${pack.version} with ${pack.answers.length} answers`,
  );
  log(
    `language   matcher: top-1  top-3  off-topic-suggested${baseline ? ' | BM25 baseline: top-1  top-3  off-topic-suggested' : ''} | packs only: top-1  top-3  off-topic-suggested`,
  );
  const rows = [...Object.keys(ours.perLanguage), 'overall'];
  for (const language of rows) {
    const a = language === 'overall' ? ours.overall : ours.perLanguage[language];
    const b = language === 'overall' ? baseline?.overall : baseline?.perLanguage[language];
    const c = language === 'overall' ? oursPackOnly.overall : oursPackOnly.perLanguage[language];
    if (!a || (baseline && !b)) continue;
    log(
      `${language.padEnd(9)}  ${pct(a.top1)} ${pct(a.top3)} ${pct(a.offTopicSuggested)}` +
        (b ? `              | ${pct(b.top1)} ${pct(b.top3)} ${pct(b.offTopicSuggested)}` : '') +
        (c ? `           | ${pct(c.top1)} ${pct(c.top3)} ${pct(c.offTopicSuggested)}` : ''),
    );
  }

  // Latency on a 300-answer pack in 13 languages.
  const big = buildSyntheticPack(pack, 300);
  const perLanguageBuild: Record<string, number> = {};
  const cold = buildMatcher([big], { classifier });
  let totalBuild = 0;
  for (const variant of VARIANTS) {
    const started = performance.now();
    cold.warm([variant]);
    perLanguageBuild[variant] = performance.now() - started;
    totalBuild += perLanguageBuild[variant];
  }
  // A second matcher over the same pack: word stems are cached per process,
  // as they are in a service worker that rebuilds after a pack update.
  const rebuilt = buildMatcher([big], { classifier });
  const warmStart = performance.now();
  rebuilt.warm();
  const warmTotal = performance.now() - warmStart;
  const texts = items.map((item) => item.text);
  for (const text of texts) rebuilt.match({ text });
  const baselineBig = bm25?.buildBaseline(big);
  if (baselineBig) for (const text of texts) baselineBig(text);
  // Interleaved rounds, so load from other processes hits both alike.
  const times: number[] = [];
  const baselineTimes: number[] = [];
  const detectTimes: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const text of texts) {
      let started = performance.now();
      rebuilt.match({ text });
      times.push(performance.now() - started);
      if (baselineBig) {
        started = performance.now();
        baselineBig(text);
        baselineTimes.push(performance.now() - started);
      }
      started = performance.now();
      detectLanguage(text);
      detectTimes.push(performance.now() - started);
    }
  }
  baselineTimes.sort((x, y) => x - y);
  detectTimes.sort((x, y) => x - y);
  times.sort((x, y) => x - y);
  const buildTimes = Object.values(perLanguageBuild).sort((x, y) => x - y);
  const latency = {
    answers: big.answers.length,
    matchP50Ms: percentile(times, 50),
    matchP95Ms: percentile(times, 95),
    matchP99Ms: percentile(times, 99),
    detectionP50Ms: percentile(detectTimes, 50),
    detectionP95Ms: percentile(detectTimes, 95),
    baselineMatchP50Ms: percentile(baselineTimes, 50),
    baselineMatchP95Ms: percentile(baselineTimes, 95),
    buildPerLanguageMaxMs: buildTimes[buildTimes.length - 1],
    buildPerLanguageMedianMs: percentile(buildTimes, 50),
    buildAllVariantsColdMs: totalBuild,
    buildAllVariantsWarmMs: warmTotal,
  };
  log(
    `latency, ${big.answers.length}-answer pack in 13 languages: match p50 ${latency.matchP50Ms.toFixed(2)} ms, p95 ${latency.matchP95Ms.toFixed(2)} ms (incl. language detection)`,
  );
  log(
    `  of which language detection p50 ${latency.detectionP50Ms.toFixed(2)} ms, p95 ${latency.detectionP95Ms.toFixed(2)} ms` +
      (baselineBig
        ? `; BM25 baseline (MiniSearch, same pack and posts, detection included) p50 ${latency.baselineMatchP50Ms.toFixed(2)} ms, p95 ${latency.baselineMatchP95Ms.toFixed(2)} ms; p95 ratio matcher/baseline ${(latency.matchP95Ms / latency.baselineMatchP95Ms).toFixed(2)}`
        : ''),
  );
  log(
    `index build: per language median ${latency.buildPerLanguageMedianMs.toFixed(0)} ms, max ${(latency.buildPerLanguageMaxMs ?? 0).toFixed(0)} ms (built lazily on first use); all 15 variants ${totalBuild.toFixed(0)} ms cold, ${warmTotal.toFixed(0)} ms with stems cached`,
  );
  return {
    real,
    matcher: ours,
    packsOnly: oursPackOnly,
    baseline,
    latency,
    perLanguageBuildMs: perLanguageBuild,
  };
};

export default suite;
