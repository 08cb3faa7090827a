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

export interface BundleFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  dataGzipBytes: number;
  coldLoadMs: number[];
}

export async function measureBundle(root: string): Promise<BundleFigures> {
  const bundle = async (entry: string): Promise<Uint8Array> => {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      // zod comes with lib/domain/languages.ts and is shared with the rest of the extension.
      external: ['zod'],
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
    const stubbed = Buffer.from(code)
      .toString('utf8')
      .replace(/from\s*"zod"/g, 'from "./zod-stub.mjs"');
    writeFileSync(join(dir, 'detector.mjs'), stubbed);
    // The cold-load probe needs zod only for lib/domain's schemas; a stub keeps the timing about our code.
    writeFileSync(
      join(dir, 'zod-stub.mjs'),
      'const any = new Proxy(function () {}, { get: () => any, apply: () => any });\n' +
        'export { any as enum, any as object, any as string, any as number, any as union, any as array };\n',
    );
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
