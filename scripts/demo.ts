/**
 * `npm run demo [-- --headless] [--screenshot FILE] [--no-build] [--port N]`
 *
 * Builds the test variant of the extension (E2E=1), serves the demo group
 * page on 127.0.0.1 and opens Chromium with the extension loaded on it.
 * With a display the window stays open until you close it; without one (or
 * with --headless) it prints what the extension found and exits.
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
import { collectFindings, formatFindings, waitForFindings } from './lib/demo-report';
import { DEMO_GROUP } from '../tests/fixtures/demo-group/posts';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output-e2e', 'chrome-mv3');

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run demo [-- --headless] [--screenshot FILE] [--no-build] [--port N]

Builds the test variant of the extension, serves a demo Facebook group page on
127.0.0.1 and opens Chromium with the extension. Without a display (or with
--headless) it prints what the extension found and exits; --screenshot saves a
picture of the page with the extension's marks.`);
  process.exit(0);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

if (!values['no-build']) {
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
  console.error(`No test build in ${extensionDir}. Run without --no-build.`);
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
  await waitForFindings(page);
  const findings = await collectFindings(page);
  console.log(formatFindings(findings));
  if (!findings.contentScriptPresent) exitCode = 1;
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
