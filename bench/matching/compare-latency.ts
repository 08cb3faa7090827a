/**
 * Match latency of two checkouts in one process, alternating per post, so
 * load from other processes hits both alike (issue 12's before/after):
 * the 300-answer synthetic pack, the team-written eval set's posts, five
 * rounds; wall-clock p50/p95 and mean CPU time per post.
 *   git archive <commit> | tar -x -C /some/dir   (then link its node_modules)
 *   npx tsx bench/matching/compare-latency.ts /some/dir [OTHER_ROOT]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLanguageDetector } from '../../lib/language/index';
import { buildSyntheticPack } from './synthetic-pack';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [before, after = here] = process.argv.slice(2).map((root) => resolve(root));
if (!before)
  throw new Error('Usage: npx tsx bench/matching/compare-latency.ts BEFORE_ROOT [AFTER_ROOT]');

interface Matcher {
  match(input: { text: string }): unknown;
  warm(): void;
}

async function load(root: string): Promise<Matcher> {
  const at = (file: string) => pathToFileURL(join(root, file)).href;
  const { parsePack } = (await import(at('lib/packs/parse.ts'))) as {
    parsePack(text: string): { ok: boolean; pack: Parameters<typeof buildSyntheticPack>[0] };
  };
  const { buildMatcher } = (await import(at('lib/matching/matcher.ts'))) as {
    buildMatcher(packs: unknown[]): Matcher;
  };
  const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
  const matcher = buildMatcher([buildSyntheticPack(parsed.pack, 300)]);
  matcher.warm();
  return matcher;
}

loadLanguageDetector();
const matchers = [await load(before), await load(after)];
const posts = (
  JSON.parse(readFileSync(join(here, 'bench/matching/eval-set.json'), 'utf8')) as { text: string }[]
).map(({ text }) => ({ text }));
for (const post of posts) for (const matcher of matchers) matcher.match(post);
const wall: number[][] = [[], []];
const cpu = [0, 0];
for (let round = 0; round < 5; round += 1) {
  for (const post of posts) {
    matchers.forEach((matcher, m) => {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      matcher.match(post);
      wall[m]?.push(performance.now() - started);
      cpu[m] = (cpu[m] ?? 0) + process.cpuUsage(cpuStart).user;
    });
  }
}
const quantile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]?.toFixed(2);
const line = (m: number) =>
  `p50 ${quantile(wall[m] ?? [], 50)} ms, p95 ${quantile(wall[m] ?? [], 95)} ms, CPU mean ${((cpu[m] ?? 0) / (wall[m]?.length ?? 1) / 1000).toFixed(3)} ms`;
console.log(`load ${loadavg()[0]?.toFixed(1)}; ${before}: ${line(0)} | ${after}: ${line(1)}`);
