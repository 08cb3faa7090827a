/**
 * Team sync in both browsers: an advisor connects in the dashboard (the
 * host permission, the credentials check), documents a case on the demo
 * feed and shares it; the team database then holds one signed batch with
 * that case, under the advisor's name, and no Facebook id.
 */
import { CouchClient } from '../../../lib/team/couch-client';
import { setupTeamDatabase } from '../../../lib/team/design';
import { BATCH_ATTACHMENT, parseTeamDocId } from '../../../lib/team/documents';
import { createTeamSecret, encodeConnectionCode } from '../../../lib/team/team-key';
import { readLogExport } from '../../../lib/log/envelope';
import type { CouchTestServer } from '../../support/couch-test-server';
import { startCouchTestServer } from '../../support/couch-test-server';
import { DEMO_POSTS } from '../../fixtures/demo-group/posts';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { FeedPage } from './pages/feed-page';
import { WorkspacePage } from './pages/workspace-page';

let couch: CouchTestServer;

test.beforeAll(async () => {
  couch = await startCouchTestServer();
  await couch.addUser('anna', 'anna-pw', ['advisor']);
});

test.afterAll(async () => {
  await couch.stop();
});

test('an advisor connects, documents a case and shares it with the team', async ({
  session,
  server,
  browserName,
}) => {
  const url = couch.databaseUrl(`team-${browserName}`);
  const admin = new CouchClient(url, couch.admin);
  await setupTeamDatabase(admin);

  const dashboard = new DashboardPage(await session.newPage(), session.extensionUrl);
  await dashboard.open('team');
  await dashboard.connectTeam(encodeConnectionCode(url, createTeamSecret()), 'anna', 'anna-pw');

  const feed = new FeedPage(await session.newPage(), server.origin, 'groups/eu-workers-demo/');
  await feed.open();
  await feed.waitForSuggestions(DEMO_POSTS.length);
  const workspace = await WorkspacePage.openFor(session, feed.page);
  expect(await workspace.documentCase('fb:7301001', 'informed')).toMatch(/Saved/);

  await dashboard.open('team');
  await expect.poll(() => dashboard.unsharedText()).not.toMatch(/^0 /);
  await dashboard.shareNow();
  await expect
    .poll(() => dashboard.unsharedText(), { timeout: 20_000 })
    .toBe('0 events not yet shared');

  const ids = (await admin.changes(null, 100)).results.map((change) => change.id);
  const batches = ids.filter((id) => parseTeamDocId(id)?.kind === 'batch');
  expect(batches.length).toBeGreaterThanOrEqual(1);
  expect(batches.every((id) => parseTeamDocId(id)?.user === 'anna')).toBe(true);
  const texts = await Promise.all(
    batches.map((id) => admin.getAttachmentText(id, BATCH_ATTACHMENT)),
  );
  const events = [];
  for (const text of texts) {
    const { envelope, verification } = await readLogExport(text);
    // Intact and signed; the supervisor's trust decides the rest.
    expect(verification.status).toBe('unknown-signer');
    events.push(...envelope.events);
  }
  expect(events.filter((event) => event.type === 'note-added')).toHaveLength(1);
  expect(texts.join('\n')).not.toContain('7301001');
});
