/**
 * `npm run demo [-- --headless] [--screenshot FILE] [--no-build] [--port N]
 *   [--timeout SECONDS] [--extension DIR]`
 *
 * Builds the test variant of the extension (E2E=1), serves the demo group
 * page on 127.0.0.1 and opens Chromium with the extension loaded on it.
 * It waits until every demo post is recognised, analysed and has its
 * suggestion answer (or the time-out runs out), then prints per post what
 * the extension found. With a display the window stays open until you close
 * it; without one (or with --headless) it exits: 0 when every post got its
 * analysis, 1 (saying which posts lack what) when not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium, hasDisplay, INSTALL_HINT } from './lib/chromium';
import { startStaticServer } from './lib/static-server';
import { collectFindings, findProblems, formatFindings, waitForAnalysis } from './lib/demo-report';
import { DEMO_GROUP, DEMO_POSTS } from '../tests/fixtures/demo-group/posts';

const root = resolve(import.meta.dirname, '..');

const options = {
  headless: { type: 'boolean', default: false },
  screenshot: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  port: { type: 'string' },
  timeout: { type: 'string', default: '90' },
  extension: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The options, or a one-line message and exit code 2 for a wrong one (not Node's stack trace). */
function readOptions() {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${message}. See: npm run demo -- --help`);
    process.exit(2);
  }
}

const values = readOptions();

if (values.help) {
  console.log(`Usage: npm run demo [-- --headless] [--screenshot FILE] [--no-build] [--port N]
                     [--timeout SECONDS] [--extension DIR]

Builds the test variant of the extension, serves a demo Facebook group page on
127.0.0.1 and opens Chromium with the extension. It waits until every post has
its language, topic and suggested answers, then prints them.

  --headless         no window (the default without a display); print and exit
  --screenshot FILE  save a picture of the page with the extension's marks
  --timeout SECONDS  how long to wait for the analysis (default 90)
  --no-build         use the existing test build in .output-e2e/chrome-mv3
  --extension DIR    load another unpacked build (implies --no-build)
  --port N           serve the page on this port (default: any free one)

Exit codes: 0 every post analysed; 1 posts without analysis after the
time-out, no browser, or a failed build; 2 a wrong option.`);
  process.exit(0);
}

const timeoutSeconds = Number(values.timeout);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  console.error(`--timeout must be a number of seconds above 0, not "${values.timeout}".`);
  process.exit(2);
}
const extensionDir = values.extension
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values.extension)
  : join(root, '.output-e2e', 'chrome-mv3');
const build = !values['no-build'] && !values.extension;

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

if (build) {
  console.log('Building the test variant of the extension (E2E=1)…');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: root,
    env: { ...process.env, E2E: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(
    values.extension
      ? `No extension build in ${extensionDir} (no manifest.json).`
      : `No test build in ${extensionDir}. Run without --no-build.`,
  );
  process.exit(1);
}

const port = values.port === undefined ? 0 : Number(values.port);
const server = await startStaticServer(join(root, 'tests', 'fixtures'), port);
const url = `${server.origin}/groups/${DEMO_GROUP.id}/`;
const headless = values.headless || !hasDisplay();
const userDataDir = await mkdtemp(join(tmpdir(), 'oa-demo-'));

console.log(`Demo group page: ${url}`);
console.log(`Chromium: ${executablePath}${headless ? ' (headless)' : ''}`);

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless,
  viewport: { width: 1280, height: 1400 },
  args: chromiumArgs(extensionDir),
});

async function cleanUp(): Promise<void> {
  await context.close().catch(() => undefined);
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

let exitCode = 0;
try {
  const page: Page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(
    `Waiting for the analysis of ${DEMO_POSTS.length} posts (at most ${timeoutSeconds} s)…`,
  );
  const outcome = await waitForAnalysis(page, DEMO_POSTS.length, timeoutSeconds * 1000);
  const findings = await collectFindings(page);
  const reference = DEMO_POSTS.map((post) => ({
    postKey: `fb:${post.id}`,
    textStart: post.paragraphs[0] ?? '',
    ...post.expected,
  }));
  console.log(formatFindings(findings, reference));
  const problems = findProblems(findings, DEMO_POSTS.length, outcome);
  if (problems.length === 0) {
    console.log(
      `\nAll ${findings.posts.length} posts analysed with topic and suggestions in ${(outcome.waitedMs / 1000).toFixed(1)} s.`,
    );
  } else {
    exitCode = 1;
    console.error(
      `\nThe demo did not get a full result:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  if (values.screenshot) {
    const target = resolve(process.cwd(), values.screenshot);
    await page.screenshot({ path: target });
    console.log(`Screenshot saved to ${target}`);
  }
  if (!headless) {
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((done) => context.on('close', () => done()));
  }
} catch (error) {
  console.error(`The demo failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
