/**
 * `npm run demo -- --headless` is the first thing a newcomer runs: it must
 * wait for the real analysis and fail loudly when the analysis never comes.
 * Runs the demo script itself (on the test build made before the e2e suite).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, REPO_ROOT, test, TEST_BUILD } from './fixtures';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';

interface DemoRun {
  code: number | null;
  out: string;
  err: string;
}

function runDemo(args: string[]): Promise<DemoRun> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'demo.ts'), '--headless', ...args],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

test.describe('npm run demo', () => {
  test.setTimeout(150_000);

  test('waits until every demo post has language, topic and suggestions, then exits 0', async () => {
    const run = await runDemo(['--no-build', '--timeout', '120']);
    expect(run.err).toBe('');
    expect(run.out).toContain(`Posts recognised: ${DEMO_POSTS.length}`);
    expect(run.out).toContain(`All ${DEMO_POSTS.length} posts analysed with topic and suggestions`);
    // Every post line carries a language and a topic, never the "(none yet)" of an unfinished one.
    expect(run.out).not.toContain('(none yet)');
    expect(run.out).toMatch(/fb:7301001 +pl +question minimum-wage +minimum-wage-basics/);
    expect(run.code).toBe(0);
  });

  test('a wrong option is named in one line with the way to the help, not a stack trace', async () => {
    for (const args of [['--screenshot'], ['--colour', 'blue']]) {
      const run = await runDemo(args);
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toContain(args[0]);
      expect(run.err).toContain('npm run demo -- --help');
      expect(run.err).not.toMatch(/\n\s+at /);
    }
  });

  test('exits 1 and names the posts when the background never analyses them', async () => {
    // The same build without its service worker: posts are marked, nothing answers.
    const dir = await mkdtemp(join(tmpdir(), 'oa-demo-broken-'));
    try {
      await cp(TEST_BUILD, dir, { recursive: true });
      const manifestFile = join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
      delete manifest.background;
      await writeFile(manifestFile, JSON.stringify(manifest));
      const run = await runDemo(['--extension', dir, '--timeout', '5']);
      expect(run.code).toBe(1);
      expect(run.err).toContain('The demo did not get a full result');
      expect(run.err).toContain(`${DEMO_POSTS.length} post(s) got no language analysis after`);
      expect(run.err).toContain('fb:7301001');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
