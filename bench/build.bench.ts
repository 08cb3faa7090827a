/**
 * Build time and bundle sizes: times a production build of the Chrome
 * package and reports, per entry point, the raw and gzipped size of the
 * JavaScript and CSS it loads (its own file plus every chunk it imports).
 * The content script's budget is 100 KB gzipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSuite } from './types';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.output', 'chrome-mv3');

/** Chunks a file loads at once (static imports); lazy `import()` chunks are counted apart. */
function importsOf(file: string, kind: 'static' | 'lazy'): string[] {
  const code = readFileSync(file, 'utf8');
  const pattern =
    kind === 'static'
      ? /(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g
      : /import\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;
  const found = new Set<string>();
  for (const match of code.matchAll(pattern)) {
    found.add(normalize(join(dirname(file), match[1] as string)));
  }
  return [...found].filter((path) => existsSync(path));
}

function htmlAssets(file: string): string[] {
  const html = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)) {
    found.push(join(outDir, match[1] as string));
  }
  return found;
}

function closure(start: string[], kinds: readonly ('static' | 'lazy')[] = ['static']): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...kinds.flatMap((kind) => importsOf(file, kind)));
  }
  return [...seen];
}

function measure(files: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.map((file) => relative(outDir, file)), rawBytes: raw, gzipBytes: gzip };
}

const suite: BenchSuite = async ({ log }) => {
  const runs: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    const started = performance.now();
    const result = spawnSync('npx', ['wxt', 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('wxt build failed');
    runs.push(Math.round(performance.now() - started));
  }
  log(`production build (chrome-mv3): ${runs.join(' ms, ')} ms`);

  const entries: Record<string, string[]> = {
    background: [join(outDir, 'background.js')],
    'content script (facebook)': readdirSync(join(outDir, 'content-scripts')).map((file) =>
      join(outDir, 'content-scripts', file),
    ),
    popup: htmlAssets(join(outDir, 'popup.html')),
    'options (dashboard)': htmlAssets(join(outDir, 'options.html')),
    'side panel (workspace)': htmlAssets(join(outDir, 'sidepanel.html')),
  };
  const sizes: Record<string, ReturnType<typeof measure>> = {};
  const lazy: Record<string, ReturnType<typeof measure>> = {};
  log('entry point                  raw KB   gzip KB   (+ loaded on demand, gzip KB)');
  for (const [name, start] of Object.entries(entries)) {
    const files = closure(start);
    const size = measure(files);
    const onDemand = closure(start, ['static', 'lazy']).filter((file) => !files.includes(file));
    lazy[name] = measure(onDemand);
    sizes[name] = size;
    log(
      `${name.padEnd(26)} ${(size.rawBytes / 1024).toFixed(1).padStart(8)} ${(size.gzipBytes / 1024).toFixed(1).padStart(9)}${onDemand.length > 0 ? `   (+ ${(lazy[name].gzipBytes / 1024).toFixed(1)})` : ''}`,
    );
  }
  return { buildMs: runs, sizes, loadedOnDemand: lazy };
};

export default suite;
