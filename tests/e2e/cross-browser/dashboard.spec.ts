/**
 * The dashboard in both browsers: what the advisor did on the feed shows in
 * the log, exports as a real file, and counts in the statistics.
 */
import { DEMO_POSTS } from '../../fixtures/demo-group/posts';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { FeedPage } from './pages/feed-page';
import { WorkspacePage } from './pages/workspace-page';

const AUTHORS = [
  ...new Set(DEMO_POSTS.map((post) => post.author).filter((name): name is string => !!name)),
];

test('the log shows the advisor’s work, exports it as a file without names, and counts it', async ({
  session,
  server,
}) => {
  const feed = new FeedPage(await session.newPage(), server.origin, 'groups/eu-workers-demo/');
  await feed.open();
  await feed.waitForSuggestions(DEMO_POSTS.length);
  const workspace = await WorkspacePage.openFor(session, feed.page);
  expect(
    await workspace.documentCase('fb:7301001', 'referred', {
      referredTo: 'Faire Mobilität',
      note: 'Sent to the hotline',
    }),
  ).toMatch(/Saved/);

  const dashboard = new DashboardPage(await session.newPage(), session.extensionUrl);
  await dashboard.open('log');
  await expect.poll(() => dashboard.rowCount('note-added')).toBe(1);
  await dashboard.showPostsOnlySeen();
  // Each "post seen" waits for the post's topic (up to 15 s on a cold background).
  await expect
    .poll(() => dashboard.rowCount('post-seen'), { timeout: 20_000 })
    .toBe(DEMO_POSTS.length);
  const total = Number(/^(\d+) entries/.exec(await dashboard.countText())?.[1]);
  expect(total).toBeGreaterThan(DEMO_POSTS.length);

  const csv = await dashboard.export('csv');
  expect(csv.fileName).toMatch(/\.csv$/);
  const text = csv.data.toString('utf8');
  expect(text.startsWith('\uFEFFevent_id,type,time,advisor,')).toBe(true);
  expect(text.trimEnd().split('\r\n')).toHaveLength(total + 1);
  expect(text).toContain(',note-added,');
  expect(text).not.toContain('Sent to the hotline');
  for (const author of AUTHORS) expect(text).not.toContain(author);

  await dashboard.open('stats');
  await expect.poll(() => dashboard.totalPosts()).toBe(String(DEMO_POSTS.length));
});
