/**
 * Team sync end to end (issue 19, docs/TEAM-SYNC.md), against the in-process
 * CouchDB-compatible test server (tests/support/couch-test-server.ts) set up
 * as an organisation's admin would (design document, security, users):
 *
 * - two advisors, each in their own browser profile (run one after the
 *   other), connect in the dashboard with the supervisor's connection code,
 *   document a post of the demo feed and share it: "0 events not yet shared";
 * - the second advisor's workspace says the first one documented that post;
 * - the server goes down while the second advisor shares: the error is
 *   shown, nothing leaves the count; back up, sharing completes;
 * - the supervisor trusts the advisors' key files, fetches, and the batches
 *   count in Statistics and the funder report (each post once); a batch the
 *   admin changed on the server afterwards is refused and leaves the counts.
 *
 * The Team section passes axe at 1366 and 400 px, not connected and connected.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CouchClient } from '../../lib/team/couch-client';
import { setupTeamDatabase } from '../../lib/team/design';
import { createTeamSecret, encodeConnectionCode } from '../../lib/team/team-key';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../../scripts/lib/chromium';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import type { CouchTestServer } from '../support/couch-test-server';
import { startCouchTestServer } from '../support/couch-test-server';
import { expect, TEST_BUILD, test } from './fixtures';
import { LogDashboardPage } from './pages/log-pages';
import { DashboardPage } from './pages/dashboard-page';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { PopupPage } from './pages/popup-page';
import { storedEvents } from './pages/stored-events';
import { TeamPage } from './pages/team-page';
import { WorkspacePage } from './pages/workspace-page';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const FEED_PATH = 'groups/eu-workers-demo/';
const ANNA_POST = 'fb:7301001';
const BEN_POST = 'fb:7301002';
const PASSWORDS = { anna: 'anna-Pw-4711', ben: 'ben-Pw-0815', sam: 'sam-Pw-2342' };

/** A browser profile of its own: one person's installation of the extension. */
interface Profile {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

async function launchProfile(): Promise<Profile> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const userDataDir = await mkdtemp(join(tmpdir(), 'oa-team-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs(TEST_BUILD),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The background also shares on an alarm a minute after start (TEAM_SYNC_ALARM in
  // lib/background/team.ts); on a slow machine it could share before the test's own
  // "Share now", so the test takes it out once it exists and shares by hand only.
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.alarms.get('team-sync')) !== undefined))
    .toBe(true);
  await worker.evaluate(() => chrome.alarms.clear('team-sync'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The admin's view of the database, as `curl -u admin:…` would give it. */
function adminFetch(couch: CouchTestServer, path: string, init: RequestInit = {}) {
  const auth = Buffer.from(`${couch.admin.username}:${couch.admin.password}`).toString('base64');
  return fetch(`${couch.databaseUrl('outreach-team')}${path}`, {
    ...init,
    headers: { authorization: `Basic ${auth}`, ...init.headers },
  });
}

async function batchIds(couch: CouchTestServer): Promise<string[]> {
  const response = await adminFetch(couch, '/_all_docs');
  const body = (await response.json()) as { rows: { id: string }[] };
  return body.rows.map((row) => row.id).filter((id) => id.includes(':batch:'));
}

/** Sets the pseudonym exports (and so team batches) carry, and saves the public key file. */
async function prepareAdvisor(profile: Profile, pseudonym: string): Promise<Buffer> {
  const log = new LogDashboardPage(await profile.context.newPage(), profile.extensionId);
  await log.open('settings');
  await log.setPseudonym(pseudonym);
  await log.open('stats');
  const key = await log.exportAdvisorKey();
  await log.page.close();
  return key;
}

/**
 * Opens the demo feed and the workspace, documents `postKey`, and waits until
 * every post's "post seen" entry is stored, so nothing arrives after sharing.
 * Returns the keys of the posts logged as questions.
 */
async function documentOnDemoFeed(
  profile: Profile,
  origin: string,
  postKey: string,
  before?: (workspace: WorkspacePage, feed: FixtureFeedPage) => Promise<void>,
): Promise<Set<string>> {
  const feed = new FixtureFeedPage(await profile.context.newPage(), origin, FEED_PATH);
  await feed.open();
  await feed.waitForAnalysed(DEMO_POSTS.length);
  const workspace = await WorkspacePage.openFor(profile.context, profile.extensionId, feed.page);
  await before?.(workspace, feed);
  await workspace.selectPost(postKey);
  await workspace.waitForSuggestions();
  await workspace.documentCase('informed');
  await expect
    .poll(
      async () =>
        new Set(
          (await storedEvents(profile.worker))
            .filter((event) => event.type === 'post-seen')
            .map((event) => event.postKey),
        ).size,
      { timeout: 30_000 },
    )
    .toBe(DEMO_POSTS.length);
  const events = await storedEvents(profile.worker);
  await workspace.page.close();
  await feed.page.close();
  return new Set(events.filter((e) => e.isQuestion === true).map((e) => e.postKey));
}

async function expectAccessible(page: Page, label: string, shots: string[], shotDir: string) {
  for (const width of [1366, 400]) {
    await page.setViewportSize({ width, height: 900 });
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${label} @${width}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${label} @${width} scrolls sideways`).toBeLessThanOrEqual(0);
    const path = join(shotDir, `team-${label}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('two advisors share through CouchDB, a supervisor counts their checked batches', async ({
  server,
}, testInfo) => {
  test.setTimeout(360_000);
  const shots: string[] = [];
  const couch = await startCouchTestServer();
  const profiles: Profile[] = [];
  try {
    // The organisation's admin: database, validation, security, users.
    const databaseUrl = couch.databaseUrl('outreach-team');
    await setupTeamDatabase(new CouchClient(databaseUrl, couch.admin));
    await couch.addUser('anna', PASSWORDS.anna, ['advisor']);
    await couch.addUser('ben', PASSWORDS.ben, ['advisor']);
    await couch.addUser('sam', PASSWORDS.sam, ['supervisor']);
    const code = encodeConnectionCode(databaseUrl, createTeamSecret());

    // ── Anna ────────────────────────────────────────────────────────────
    const anna = await launchProfile();
    profiles.push(anna);
    const annaKey = await prepareAdvisor(anna, 'Beratung Anna');
    const annaTeam = new TeamPage(await anna.context.newPage(), anna.extensionId);
    await annaTeam.open();
    await expect(annaTeam.connectForm).toBeVisible();
    await expectAccessible(annaTeam.page, 'not-connected', shots, testInfo.outputDir);

    // A wrong password is said plainly, and nothing is stored.
    await annaTeam.connect(code, 'anna', 'not-the-password');
    await expect(annaTeam.connectError).toContainText('did not accept this user name and password');
    await expect(annaTeam.connectForm).toBeVisible();

    await annaTeam.connect(code, 'anna', PASSWORDS.anna);
    await expect(annaTeam.connectedUser).toHaveText('anna');
    await expect(annaTeam.connectedRoles).toHaveText('Advisor');

    const questions = await documentOnDemoFeed(anna, server.origin, ANNA_POST);
    expect(questions.size).toBeGreaterThanOrEqual(5); // large enough for the funder report

    await annaTeam.open();
    const annaUnshared = await annaTeam.unsharedCount();
    expect(annaUnshared).toBeGreaterThan(DEMO_POSTS.length); // every post seen, and the note
    await annaTeam.shareNow.click();
    await expect(annaTeam.shareSuccess).toContainText(`Shared ${annaUnshared} events in 1 batch`);
    await expect(annaTeam.unshared).toHaveText('0 events not yet shared');
    expect(await batchIds(couch)).toEqual([expect.stringMatching(/^anna:batch:[0-9a-f]{64}$/)]);
    await anna.close();
    profiles.splice(profiles.indexOf(anna), 1);

    // ── Ben ─────────────────────────────────────────────────────────────
    const ben = await launchProfile();
    profiles.push(ben);
    const benKey = await prepareAdvisor(ben, 'Beratung Ben');
    const benTeam = new TeamPage(await ben.context.newPage(), ben.extensionId);
    await benTeam.open();
    await benTeam.connectByKeyboard(code, 'ben', PASSWORDS.ben);
    await expect(benTeam.connectedUser).toHaveText('ben');
    // Nothing to share yet; sharing also brings the colleagues' marks.
    await benTeam.shareNow.click();
    await expect(benTeam.shareSuccess).toHaveText('Nothing new to share.');

    await documentOnDemoFeed(ben, server.origin, BEN_POST, async (workspace, feed) => {
      // Anna's post: the queue marks it, and the post says who and when, nothing more.
      await workspace.showAll();
      await expect(workspace.queueItem(ANNA_POST).getByTestId('queue-colleague')).toHaveText(
        'Colleague: anna',
      );
      await expect(workspace.queueItem(BEN_POST).getByTestId('queue-colleague')).toHaveCount(0);
      await workspace.selectPost(ANNA_POST);
      await expect(workspace.page.getByTestId('colleague-mark')).toHaveText(
        /^Colleague anna (documented|replied to) this post (just now|\d+ minutes? ago)\.$/,
      );
      await workspace.page.setViewportSize({ width: 400, height: 900 });
      const { violations } = await new AxeBuilder({ page: workspace.page })
        .withTags(AXE_TAGS)
        .analyze();
      expect(violations.map((v) => `workspace: ${v.id} (${v.nodes.length})`)).toEqual([]);
      const notice = join(testInfo.outputDir, 'team-workspace-colleague-400.png');
      await workspace.page.screenshot({ path: notice });
      shots.push(notice);
      await workspace.page.keyboard.press('Escape');
      // Nothing of it, and nothing of the connection, reaches the group page.
      const pageHtml = await feed.page.content();
      for (const secret of [PASSWORDS.ben, code, 'Colleague', 'colleague-notice']) {
        expect(pageHtml).not.toContain(secret);
      }
    });

    // The server goes down while Ben shares: an error, and nothing leaves the count.
    await benTeam.open();
    const benUnshared = await benTeam.unsharedCount();
    expect(benUnshared).toBeGreaterThan(DEMO_POSTS.length);
    await couch.suspend();
    await benTeam.shareNow.click();
    await expect(benTeam.shareError).toContainText('Could not share');
    await expect(benTeam.shareError).toContainText('Nothing is lost');
    expect(await benTeam.unsharedCount()).toBe(benUnshared);
    await expectAccessible(benTeam.page, 'advisor-share-failed', shots, testInfo.outputDir);
    // Opened again later, the section still says why the last attempt failed.
    await benTeam.reload();
    await expect(benTeam.lastPushError).toContainText('Nothing is lost');
    expect(await benTeam.unsharedCount()).toBe(benUnshared);
    expect(await batchIds(couch).catch(() => 'unreachable')).toBe('unreachable');

    // Back up: the same events go, once.
    await couch.resume();
    await benTeam.shareNow.click();
    await expect(benTeam.shareSuccess).toBeVisible();
    await expect(benTeam.unshared).toHaveText('0 events not yet shared');
    await expect(benTeam.lastPushError).toHaveCount(0);
    expect((await batchIds(couch)).filter((id) => id.startsWith('ben:'))).toHaveLength(1);

    const popup = new PopupPage(await ben.context.newPage(), ben.extensionId);
    await popup.open();
    await expect(popup.page.getByTestId('team-line')).toHaveText('Team: all shared');
    await ben.close();
    profiles.splice(profiles.indexOf(ben), 1);

    // ── Sam, the supervisor ─────────────────────────────────────────────
    const sam = await launchProfile();
    profiles.push(sam);
    const samLog = new LogDashboardPage(await sam.context.newPage(), sam.extensionId);
    await samLog.open('stats');
    await samLog.trustAdvisorKey(annaKey);
    await expect(samLog.page.getByTestId('trusted-advisor-keys').locator('tbody tr')).toHaveCount(
      1,
    );
    const samTeam = new TeamPage(samLog.page, sam.extensionId);
    await samTeam.open();
    await samTeam.connect(code, 'sam', PASSWORDS.sam);
    await expect(samTeam.connectedRoles).toHaveText('Supervisor');
    await expect(samTeam.shareNow).toHaveCount(0);

    // Only Anna's key is trusted: Ben's batch is listed, not counted, with the way out.
    expect(await samTeam.fetchRecords()).toContain('1 batch is not counted');
    await expect(samTeam.batches).toHaveCount(2);
    await expect(samTeam.batchOf('anna')).toHaveAttribute('data-status', 'counted');
    await expect(samTeam.batchOf('anna')).toContainText('Beratung Anna');
    await expect(samTeam.batchOf('ben')).toHaveAttribute('data-status', 'unknown-signer');
    await expect(samTeam.batchOf('ben')).toContainText('Not counted: unknown signer');
    await expect(samTeam.batchOf('ben').getByRole('link')).toHaveAttribute('href', '#stats');

    await samLog.open('stats');
    await samLog.trustAdvisorKey(benKey);
    await expect(samLog.page.getByTestId('trusted-advisor-keys').locator('tbody tr')).toHaveCount(
      2,
    );
    await samTeam.open();
    expect(await samTeam.fetchRecords()).toContain('1 new batch counted');
    await expect(samTeam.batchOf('ben')).toHaveAttribute('data-status', 'counted');
    await expect(samTeam.page.getByTestId('team-batch-summary')).toHaveText(
      '2 batches, 2 counted.',
    );
    await samTeam.showInviteCode();
    await expect(samTeam.inviteCode).toHaveValue(code);
    await expectAccessible(samTeam.page, 'supervisor', shots, testInfo.outputDir);

    // Both advisors' work counts; a post both saw counts once.
    await samLog.open('stats');
    await expect(samLog.page.getByTestId('kpi-documented')).toContainText('by 2 advisors');
    const dashboard = new DashboardPage(samLog.page, sam.extensionId);
    await dashboard.open('report');
    await expect(dashboard.section('report').getByTestId('report-questions')).toHaveText(
      String(questions.size),
    );

    // The admin changes Anna's batch on the server: refused on the next fetch, and out of the counts.
    const [annaBatch] = (await batchIds(couch)).filter((id) => id.startsWith('anna:'));
    if (!annaBatch) throw new Error('no batch of Anna on the server');
    const path = `/${encodeURIComponent(annaBatch)}`;
    const doc = (await (await adminFetch(couch, path)).json()) as { _rev: string };
    const original = (await (await adminFetch(couch, `${path}/export.json`)).json()) as {
      events: { at: number }[];
    };
    const first = original.events[0];
    if (!first) throw new Error('Anna’s batch holds no events');
    first.at -= 86_400_000;
    const altered = await adminFetch(couch, `${path}/export.json?rev=${doc._rev}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(original),
    });
    expect(altered.status).toBe(201);

    await samTeam.open();
    expect(await samTeam.fetchRecords()).toContain('1 batch is not counted');
    await expect(samTeam.batchOf('anna')).toHaveAttribute(
      'data-status',
      /^(refused|changed-on-server)$/,
    );
    await expect(samTeam.batchOf('anna')).toContainText('Not counted');
    await expect(samTeam.batchOf('anna').getByTestId('team-batch-reason')).not.toBeEmpty();
    await expect(samTeam.batchOf('ben')).toHaveAttribute('data-status', 'counted');
    await samLog.open('stats');
    await expect(samLog.page.getByTestId('kpi-documented')).toContainText('by 1 advisor');
  } finally {
    for (const profile of profiles) await profile.close().catch(() => undefined);
    await couch.stop();
    await testInfo.attach('screenshots', { body: shots.join('\n'), contentType: 'text/plain' });
  }
});
