/**
 * Bundle size and cold-load time of the shipped detector: lib/language is
 * bundled and minified with esbuild (the bundler under the project's
 * toolchain), gzipped, and imported in a fresh Node process that times the
 * module evaluation plus the first detection.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

/** Replaces zod by a do-nothing proxy: the probe times our code, not zod's. */
const zodStub: Plugin = {
  name: 'zod-stub',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({
      path: 'zod',
      namespace: 'zod-stub',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-stub' }, () => ({
      contents:
        'const any = new Proxy(function () {}, { get: () => any, apply: () => any });\n' +
        'export { any as enum, any as object, any as string, any as number, any as union, any as array, any as literal, any as boolean };\n' +
        'export default any;\n',
      loader: 'js',
    }));
  },
};

export interface BundleFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  dataGzipBytes: number;
  coldLoadMs: number[];
}

export async function measureBundle(root: string): Promise<BundleFigures> {
  const bundle = async (entry: string, stubZod = false): Promise<Uint8Array> => {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      // zod comes with lib/domain/languages.ts and is shared with the rest of
      // the extension: left out of the size, stubbed out of the cold-load probe.
      external: stubZod ? [] : ['zod', 'zod/*'],
      plugins: stubZod ? [zodStub] : [],
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
    return file.contents;
  };
  const code = await bundle('lib/language/index.ts');
  const data = Buffer.concat([
    Buffer.from(await bundle('lib/language/data/eld-ngrams.ts')),
    Buffer.from(await bundle('lib/language/data/char-model.ts')),
  ]);

  const dir = mkdtempSync(join(tmpdir(), 'oa-language-'));
  try {
    writeFileSync(join(dir, 'detector.mjs'), await bundle('lib/language/index.ts', true));
    writeFileSync(
      join(dir, 'probe.mjs'),
      'const t0 = performance.now(); const m = await import("./detector.mjs"); m.detectLanguage("Nie dostałem wypłaty"); console.log(performance.now() - t0);\n',
    );
    const coldLoadMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      coldLoadMs.push(
        Number(
          execFileSync(process.execPath, [join(dir, 'probe.mjs')], { encoding: 'utf8' }).trim(),
        ),
      );
    }
    return {
      bundleBytes: code.length,
      bundleGzipBytes: gzipSync(code).length,
      dataGzipBytes: gzipSync(data).length,
      coldLoadMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
