/**
 * Splits the real-text set (bench/matching/real/<lang>.json) into a tuning
 * half and a test half by source **site** (issue 12; bench/matching/real/README.md):
 * every record of a site lands in the same half, in every language, so
 * nothing the matcher is tuned on shares a site's style, topic mix or
 * template with what it is measured on.
 *
 * Greedy and deterministic: sites are taken largest first (ties by a seeded
 * hash of the name), and each goes to the half where the records it brings
 * are scarcer — counted per language and per on-topic/off-topic, weighted by
 * how many records of each kind the site has. Writes
 * bench/matching/real/split.json:
 *   npx tsx scripts/split-real-texts.ts [--seed N] [--fresh]
 *
 * Growing the set never moves a site: the sites of the committed split keep
 * their half (they count towards the balance first) and only new sites are
 * placed. Otherwise a site the matcher was tuned on could move to the test
 * half, or a test site already looked at into tuning. `--fresh` starts over.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RealText {
  id: string;
  language: string;
  topic: string;
  text: string;
  source: string;
  site: string;
  kind: string;
  note?: string;
}

export type Half = 'tuning' | 'test';

export interface RealSplit {
  seed: number;
  /** Site → half, for every site of every language. */
  sites: Record<string, Half>;
  /** Per language, record ids of each half (sorted). */
  languages: Record<string, { tuning: string[]; test: string[] }>;
}

/** Sites whose half is already decided (the committed split's `sites`). */
export type FixedSites = Readonly<Record<string, Half>>;

export const DEFAULT_SEED = 12;
export const REAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench/matching/real');

/** FNV-1a of the seed and a text: a stable tie-breaker (and the classifier's folds). */
export function seededHash(seed: number, text: string): number {
  let hash = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

const kindOf = (record: RealText) =>
  `${record.language}/${record.topic === 'off-topic' ? 'off' : 'on'}`;

export function splitBySite(
  records: readonly RealText[],
  seed = DEFAULT_SEED,
  fixed: FixedSites = {},
): RealSplit {
  const bySite = new Map<string, Map<string, number>>();
  for (const record of records) {
    const counts = bySite.get(record.site) ?? new Map<string, number>();
    counts.set(kindOf(record), (counts.get(kindOf(record)) ?? 0) + 1);
    bySite.set(record.site, counts);
  }
  const size = (site: string) =>
    [...(bySite.get(site)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  const held: Record<Half, Map<string, number>> = { tuning: new Map(), test: new Map() };
  const sites: Record<string, Half> = {};
  for (const [site, counts] of bySite) {
    const half = fixed[site];
    if (!half) continue;
    sites[site] = half;
    for (const [kind, n] of counts) held[half].set(kind, (held[half].get(kind) ?? 0) + n);
  }
  const order = [...bySite.keys()]
    .filter((site) => !fixed[site])
    .sort((a, b) => size(b) - size(a) || seededHash(seed, a) - seededHash(seed, b));
  for (const site of order) {
    const counts = bySite.get(site) ?? new Map<string, number>();
    const load = (half: Half) =>
      [...counts].reduce((sum, [kind, n]) => sum + n * (held[half].get(kind) ?? 0), 0);
    const tuning = load('tuning');
    const test = load('test');
    // Equal load: alternate by the seeded hash, so neither half gets every tie.
    const half: Half =
      tuning < test
        ? 'tuning'
        : test < tuning
          ? 'test'
          : seededHash(seed + 1, site) % 2 === 0
            ? 'tuning'
            : 'test';
    sites[site] = half;
    for (const [kind, n] of counts) held[half].set(kind, (held[half].get(kind) ?? 0) + n);
  }
  const languages: RealSplit['languages'] = {};
  for (const record of records) {
    const entry = (languages[record.language] ??= { tuning: [], test: [] });
    entry[sites[record.site] ?? 'tuning'].push(record.id);
  }
  for (const entry of Object.values(languages)) {
    entry.tuning.sort();
    entry.test.sort();
  }
  return {
    seed,
    sites: Object.fromEntries(Object.entries(sites).sort(([a], [b]) => a.localeCompare(b))),
    languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Every record of bench/matching/real/<lang>.json. */
export function readRealTexts(directory = REAL_DIR): RealText[] {
  return readdirSync(directory)
    .filter((file) => /^[a-z]{2}\.json$/.test(file))
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as RealText[]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seedArgument = process.argv.indexOf('--seed');
  const seed = seedArgument > 0 ? Number(process.argv[seedArgument + 1]) : DEFAULT_SEED;
  const records = readRealTexts();
  const committed = join(REAL_DIR, 'split.json');
  const fixed =
    process.argv.includes('--fresh') || !existsSync(committed)
      ? {}
      : (JSON.parse(readFileSync(committed, 'utf8')) as RealSplit).sites;
  const split = splitBySite(records, seed, fixed);
  writeFileSync(join(REAL_DIR, 'split.json'), `${JSON.stringify(split, null, 2)}\n`);
  for (const [language, { tuning, test }] of Object.entries(split.languages))
    console.log(`${language}: tuning ${tuning.length}, test ${test.length}`);
  console.log(
    `${Object.keys(split.sites).length} sites (${Object.keys(fixed).length} kept from the committed split); written to bench/matching/real/split.json`,
  );
}
