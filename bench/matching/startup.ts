/**
 * Service-worker start-up cost of matching (issue 12): time to the first
 * suggestion after a cold wake-up — a fresh process reads and decodes the
 * topic classifier (where the checkout has one), builds the matcher from
 * the default pack and matches one post, no stem or index cached — as the
 * median of several fresh processes, and, when a production build exists,
 * the size of the background bundle the worker evaluates on every start and
 * the time to parse and compile it.
 *   npx tsx bench/matching/startup.ts [ROOT]   (ROOT: another checkout, for a before/after)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));

if (process.env.OA_STARTUP_CHILD) {
  const at = (file: string) => pathToFileURL(join(root, file)).href;
  const { loadLanguageDetector } = (await import(at('lib/language/index.ts'))) as {
    loadLanguageDetector(): void;
  };
  const { parsePack } = (await import(at('lib/packs/parse.ts'))) as {
    parsePack(text: string): { ok: true; pack: unknown } | { ok: false };
  };
  const { createMatcher } = (await import(at('lib/matching/index.ts'))) as {
    createMatcher(
      packs: unknown[],
      options?: { classifier?: unknown },
    ): { match(input: { text: string }): { suggestions: unknown[] } };
  };
  loadLanguageDetector();
  const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
  if (!parsed.ok) throw new Error('default pack does not parse');
  const classifierFile = join(root, 'lib/matching/data/topic-classifier.bin');
  const hasClassifier = existsSync(classifierFile);
  const { decodeTopicClassifier } = hasClassifier
    ? ((await import(at('lib/matching/topic-classifier.ts'))) as {
        decodeTopicClassifier(bytes: Uint8Array): unknown;
      })
    : { decodeTopicClassifier: undefined };
  const started = performance.now();
  // As the worker does: read the file, decode it, build the matcher with it.
  const classifier = decodeTopicClassifier?.(new Uint8Array(readFileSync(classifierFile)));
  const matcher = createMatcher([parsed.pack], classifier ? { classifier } : undefined);
  const result = matcher.match({
    text: 'Czesc, szef nie zaplacil mi wyplaty za 2 miesiace, co robic?',
  });
  const firstMs = performance.now() - started;
  console.log(JSON.stringify({ firstMs, suggestions: result.suggestions.length }));
} else {
  const runs: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), root],
      {
        env: { ...process.env, OA_STARTUP_CHILD: '1' },
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push(
      (JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { firstMs: number }).firstMs,
    );
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${root}: first suggestion after a cold matcher build, median of ${runs.length} fresh processes ${runs[3]?.toFixed(1)} ms (min ${runs[0]?.toFixed(1)}, max ${runs[runs.length - 1]?.toFixed(1)})`,
  );
  const bundle = join(root, '.output/chrome-mv3/background.js');
  if (existsSync(bundle)) {
    // The worker's script and every chunk it imports, as it evaluates them on each wake-up.
    const files: string[] = [];
    const visit = (file: string) => {
      if (files.includes(file)) return;
      files.push(file);
      const code = readFileSync(file, 'utf8');
      for (const [, specifier] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
        if (specifier) visit(join(dirname(file), specifier));
    };
    visit(bundle);
    const codes = files.map((file) => readFileSync(file, 'utf8'));
    const bytes = Buffer.from(codes.join('\n'));
    // Parsing and compiling is what every wake-up pays before a listener runs
    // (the script itself cannot run here: it needs the extension APIs).
    // Import and export statements are cut so each file compiles as a script.
    const scripts = codes.map((code) =>
      code
        .replace(/import\s*\{[^}]*\}\s*from\s*["'][^"']+["'];?/g, '')
        .replace(/import\s*["'][^"']+["'];?/g, '')
        .replace(/export\s*\{[^}]*\};?/g, ''),
    );
    const compile: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const started = performance.now();
      // A different source each round: V8 caches compiled scripts by their text.
      scripts.forEach(
        (code, f) => new Script(`${code}\n// round ${i}`, { filename: `run${i}-${f}.js` }),
      );
      compile.push(performance.now() - started);
    }
    compile.sort((a, b) => a - b);
    console.log(
      `background.js with its ${files.length - 1} chunks: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip; parse and compile median ${compile[3]?.toFixed(1)} ms`,
    );
  } else console.log('(no .output/chrome-mv3/background.js: run npx wxt build first)');
}
