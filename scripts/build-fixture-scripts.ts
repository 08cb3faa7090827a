/**
 * Bundles the fixture pages' own scripts (a real Lexical comment box, a
 * feed rendered by React) from tests/fixtures/src into tests/fixtures/scripts.
 * The bundles are committed, so tests run on a fresh clone; run this after
 * changing a source file.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
for (const [source, target] of [
  ['comment-box.ts', 'comment-box.js'],
  ['recycling-feed.tsx', 'recycling-feed.js'],
] as const) {
  await build({
    entryPoints: [join(root, 'src', source)],
    outfile: join(root, 'scripts', target),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`wrote tests/fixtures/scripts/${target}`);
}
