import { expect, test } from './fixtures';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import { readXlsxRows } from '../../lib/log/export-xlsx';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { LogDashboardPage } from './pages/log-pages';
import { WorkspacePage } from './pages/workspace-page';

const FEED = 'groups/eu-workers-demo/';
const AUTHORS = [
  ...new Set(DEMO_POSTS.map((post) => post.author).filter((name): name is string => !!name)),
];

test.describe('interaction log', () => {
  test('case documentation in the workspace appears in the log, and exports hold rows but no names', async ({
    context,
    server,
    extensionId,
  }) => {
    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('settings');
    await dashboard.setPseudonym('Beratung Nord 2');

    const feed = new FixtureFeedPage(await context.newPage(), server.origin, FEED);
    await feed.open();
    await feed.waitForAnalysed(DEMO_POSTS.length);
    const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
    await workspace.selectPost('fb:7301001');
    await workspace.waitForSuggestions();
    await workspace.documentCase('referred', {
      referredTo: 'Faire Mobilität',
      note: 'Sent to the counselling hotline',
    });

    await dashboard.open('log');
    await expect(dashboard.rowsOfType('note-added')).toHaveCount(1);
    // "Post seen" entries are left out of the table until asked for (issue 17).
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(0);
    await dashboard.showPostsOnlySeen();
    // Each "post seen" waits for the post's topic (up to 15 s on a cold background).
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length, {
      timeout: 20_000,
    });
    // Viewing the post logged the suggestions shown; wait for it before counting.
    await expect(dashboard.rowsOfType('suggestions-shown')).toHaveCount(1);
    // The demo page's one comment repeating a myth was seen too.
    await expect(dashboard.rowsOfType('claim-seen')).toHaveCount(1);
    await expect(dashboard.count).toHaveText(/^\d+ entries/);
    const total = Number(/^(\d+)/.exec((await dashboard.count.textContent()) ?? '')?.[1]);
    expect(total).toBe(DEMO_POSTS.length + 3);

    const csv = (await dashboard.export('csv')).data.toString('utf8');
    expect(csv.startsWith('\uFEFFevent_id,type,time,advisor,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(total + 1);
    expect(csv).toContain('Beratung Nord 2');
    expect(csv).toContain(',note-added,');
    expect(csv).not.toContain('Sent to the counselling hotline');

    const json = JSON.parse((await dashboard.export('json')).data.toString('utf8')) as {
      schemaVersion: number;
      advisor: string;
      eventCount: number;
      checksum: { value: string };
      includes: { rawIds: boolean };
      signature: { algorithm: string; value: string };
    };
    expect(json).toMatchObject({
      schemaVersion: 2,
      advisor: 'Beratung Nord 2',
      eventCount: total,
      includes: { rawIds: false },
      signature: { algorithm: 'ECDSA-P256-SHA256' },
    });
    expect(json.checksum.value).toMatch(/^[0-9a-f]{64}$/);
    // No Facebook post ids by default (review finding 8): keyed pseudonyms only.
    expect(JSON.stringify(json)).not.toMatch(/"postKey":"fb/);
    expect(csv).not.toMatch(/,fb:/);

    const xlsx = await readXlsxRows(new Uint8Array((await dashboard.export('xlsx')).data));
    expect(xlsx[0]?.slice(0, 3)).toEqual(['event_id', 'type', 'time']);
    expect(xlsx).toHaveLength(total + 1);

    for (const text of [csv, JSON.stringify(json), xlsx.flat().join('\n')]) {
      for (const author of AUTHORS) expect(text).not.toContain(author);
    }
  });

  test('stopping the service worker while documenting loses nothing', async ({
    context,
    server,
    extensionId,
  }) => {
    const feed = new FixtureFeedPage(await context.newPage(), server.origin, FEED);
    const cdp = await context.newCDPSession(feed.page);
    await cdp.send('ServiceWorker.enable');
    const stopWorkers = () => cdp.send('ServiceWorker.stopAllWorkers');
    await feed.open();
    await feed.waitForAnalysed(DEMO_POSTS.length);
    const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
    await stopWorkers(); // post-seen batches still queued now have to wake the worker

    const keys = ['fb:7301001', 'fb:7301002', 'fb:7301003', 'fb:7301004'];
    for (const key of keys) {
      await workspace.selectPost(key);
      await workspace.fillDocumentation('informed');
      await workspace.page.getByTestId('documentation-save').click();
      await stopWorkers(); // mid-flight for this save
      // The advisor is told it is saved only once it is.
      await expect(workspace.documentationStatus, key).toHaveText(/Saved/);
      await stopWorkers(); // before the next
    }
    await workspace.page.keyboard.press('Escape');
    await workspace.showAll();
    for (const key of keys) {
      await expect(workspace.queueItem(key), key).toHaveAttribute('data-status', 'documented');
      await expect.poll(async () => (await feed.marker(key)).status, key).toBe('documented');
    }

    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('log');
    await expect(dashboard.rowsOfType('note-added')).toHaveCount(keys.length);
    await dashboard.showPostsOnlySeen();
    // Each "post seen" waits for the post's topic (up to 15 s on a cold background).
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length, {
      timeout: 20_000,
    });
  });

  test('two tabs logging at once lose nothing and count each post once', async ({
    context,
    server,
    extensionId,
  }) => {
    const tabs = await Promise.all(
      [1, 2].map(async () => new FixtureFeedPage(await context.newPage(), server.origin, FEED)),
    );
    await Promise.all(tabs.map((tab) => tab.open()));
    await Promise.all(tabs.map((tab) => tab.waitForAnalysed(DEMO_POSTS.length)));

    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('log');
    await dashboard.filterTypes(['post-seen']);
    // Both tabs sent their sightings at the same moment; a post counts as seen
    // once a day (issue 13), so neither tab's batch is lost and none counts twice.
    await expect(dashboard.count).toHaveText(`${DEMO_POSTS.length} entries match the filters.`);
    await Promise.all(tabs.map((tab) => tab.page.close())); // pagehide sends what is left
    await dashboard.page.reload();
    await dashboard.page.getByTestId('section-log').waitFor();
    await dashboard.filterTypes(['post-seen']);
    await expect(dashboard.count).toHaveText(`${DEMO_POSTS.length} entries match the filters.`);
  });

  test('a supervisor imports an export twice: the second time adds nothing', async ({
    context,
    server,
    extensionId,
  }) => {
    const feed = new FixtureFeedPage(await context.newPage(), server.origin, FEED);
    await feed.open();
    await feed.waitForAnalysed(DEMO_POSTS.length);
    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('log');
    await dashboard.showPostsOnlySeen();
    // Each "post seen" waits for the post's topic (up to 15 s on a cold background).
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length, {
      timeout: 20_000,
    });
    const { data } = await dashboard.export('json');

    await dashboard.open('stats');
    const file = { name: 'advisor.json', mimeType: 'application/json', buffer: data };
    await dashboard.importFiles([file, file]);
    const report = dashboard.page.getByTestId('import-report');
    await expect(report.locator('li')).toHaveCount(2);
    const { eventCount } = JSON.parse(data.toString('utf8')) as { eventCount: number };
    // Every entry of the export is this installation's own: nothing to add, twice.
    await expect(report).toContainText(`Added 0 entries, ${eventCount * 2} already present`);
    await expect(dashboard.page.getByTestId('total-posts')).toHaveText(String(DEMO_POSTS.length));
    await expect(dashboard.page.getByTestId('report-pointer')).toBeVisible();
    // Signed by this installation's key, which nobody has trusted yet.
    await expect
      .poll(() => dashboard.importVerifications())
      .toEqual(['unknown-signer', 'unknown-signer']);

    await dashboard.trustAdvisorKey(await dashboard.exportAdvisorKey());
    await dashboard.importFiles([file]);
    // The report of the previous import stays until this one is done.
    await expect.poll(() => dashboard.importVerifications()).toEqual(['verified']);

    const forged = JSON.parse(data.toString('utf8')) as { advisor: string };
    forged.advisor = 'Someone else';
    await dashboard.importFiles([
      { ...file, name: 'forged.json', buffer: Buffer.from(JSON.stringify(forged)) },
    ]);
    await expect(report.locator('li[data-status="refused"]')).toContainText('forged.json');
  });
});
