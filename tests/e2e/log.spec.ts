import { expect, test } from './fixtures';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import { readXlsxRows } from '../../lib/log/export-xlsx';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { CaseNoteOverlay, LogDashboardPage } from './pages/log-pages';

const FEED = 'groups/eu-workers-demo/';
const AUTHORS = [
  ...new Set(DEMO_POSTS.map((post) => post.author).filter((name): name is string => !!name)),
];

test.describe('interaction log', () => {
  test('case documentation in the overlay appears in the log, and exports hold rows but no names', async ({
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
    const overlay = new CaseNoteOverlay(feed.page, 'fb:7301001');
    await overlay.document('referred', 'Sent to the counselling hotline');
    await expect(overlay.status).toHaveText(/Saved/);

    await dashboard.open('log');
    await expect(dashboard.rowsOfType('note-added')).toHaveCount(1);
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length);
    // Other overlay panels log too (e.g. suggestions shown): take the count the page shows.
    await expect(dashboard.count).toHaveText(/^\d+ entries/);
    const total = Number(/^(\d+)/.exec((await dashboard.count.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(DEMO_POSTS.length);

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

  test('stopping the service worker while logging loses nothing', async ({
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
    await stopWorkers(); // post-seen batches still queued now have to wake the worker

    const keys = ['fb:7301001', 'fb:7301002', 'fb:7301003', 'fb:7301004'];
    for (const key of keys) {
      const overlay = new CaseNoteOverlay(feed.page, key);
      await overlay.document('informed', '');
      await stopWorkers(); // mid-flight for this batch, or before the next
    }
    for (const key of keys) {
      await expect(new CaseNoteOverlay(feed.page, key).status).toHaveText(/Saved/);
    }

    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('log');
    await expect(dashboard.rowsOfType('note-added')).toHaveCount(keys.length);
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length);
  });

  test('two tabs logging at once lose nothing', async ({ context, server, extensionId }) => {
    const tabs = await Promise.all(
      [1, 2].map(async () => new FixtureFeedPage(await context.newPage(), server.origin, FEED)),
    );
    await Promise.all(tabs.map((tab) => tab.open()));
    await Promise.all(tabs.map((tab) => tab.waitForAnalysed(DEMO_POSTS.length)));

    const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
    await dashboard.open('log');
    await dashboard.filterTypes(['post-seen']);
    // Each tab logs its own sighting of every post, with its own event ids.
    await expect(dashboard.count).toHaveText(`${DEMO_POSTS.length * 2} entries match the filters.`);
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
    await expect(dashboard.rowsOfType('post-seen')).toHaveCount(DEMO_POSTS.length);
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
    await expect(dashboard.page.getByTestId('anonymised-report')).toBeVisible();
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
