/**
 * `npm run bench [-- NAME...]` runs every `bench/<name>.bench.ts` (or the
 * named ones) one after another in this process, prints their figures and
 * writes each suite's figures to `bench/results/<name>.json`. Benchmarks
 * report numbers; they never pass or fail on timing.
 *
 * The language and matching benchmarks compare against peers installed in
 * tools/language-training (installed on first use); `--no-peers` skips them.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './types';

const benchDir = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(benchDir, 'results');

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const peers = !process.argv.includes('--no-peers');
const files = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).sort();
const selected = files.filter(
  (file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')),
);
if (selected.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${files.join(', ')}`);
  process.exit(2);
}

await mkdir(resultsDir, { recursive: true });
for (const file of selected) {
  const name = file.replace(/\.bench\.ts$/, '');
  const suite = (await import(pathToFileURL(join(benchDir, file)).href)) as { default: BenchSuite };
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  const figures = await suite.default({ log: (line) => console.log(line), peers });
  const result = {
    suite: name,
    ranAt: new Date().toISOString(),
    node: process.version,
    durationMs: Math.round(performance.now() - started),
    figures,
  };
  await writeFile(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`(figures written to bench/results/${name}.json)`);
}
