/**
 * The production build in both browsers: it matches Facebook only, so on a
 * local copy of a group page it must leave no trace. The probe extension is
 * the positive control: once its document_idle script has marked the page,
 * ours would have run too had it matched. Served under Facebook's address,
 * the same page gets its markers, and they tell the page nothing (issue 13,
 * security review finding 9): closed shadow roots, no analysis in data
 * attributes, no `<html data-outreach-advisor>`.
 */
import { DEMO_POSTS } from '../../fixtures/demo-group/posts';
import { expect, PROBE_EXTENSION, test } from './fixtures';
import { FeedPage } from './pages/feed-page';

test.use({ build: 'production', helperExtensions: [PROBE_EXTENSION] });

test('the production build injects nothing on a non-Facebook page', async ({ session, server }) => {
  const feed = new FeedPage(await session.newPage(), server.origin, 'groups/eu-workers-demo/');
  await feed.openUntilProbe();
  expect(await feed.marks()).toEqual({ extension: false, probe: true, posts: 0 });
});

test('on Facebook the production build marks posts behind closed shadow roots, with nothing to read', async ({
  session,
  server,
}) => {
  const facebook = 'https://www.facebook.com';
  await session.routeToServer(facebook, server.origin);
  const feed = new FeedPage(await session.newPage(), facebook, 'groups/eu-workers-demo/');
  await feed.page.goto(`${facebook}/groups/eu-workers-demo/`);
  expect(await feed.markerExposure(DEMO_POSTS.length)).toEqual({
    markers: DEMO_POSTS.length,
    openShadowRoots: 0,
    // The post key only: language, question, topic, suggestions and status stay inside.
    dataAttributes: ['data-post-key'],
    presenceAttribute: false,
  });
});
