/**
 * The production build in both browsers: it matches Facebook only, so on a
 * local copy of a group page it must leave no trace. The probe extension is
 * the positive control: once its document_idle script has marked the page,
 * ours would have run too had it matched.
 */
import { expect, PROBE_EXTENSION, test } from './fixtures';
import { FeedPage } from './pages/feed-page';

test.use({ build: 'production', helperExtensions: [PROBE_EXTENSION] });

test('the production build injects nothing on a non-Facebook page', async ({ session, server }) => {
  const feed = new FeedPage(await session.newPage(), server.origin, 'groups/eu-workers-demo/');
  await feed.openUntilProbe();
  expect(await feed.marks()).toEqual({ extension: false, probe: true, posts: 0 });
});
