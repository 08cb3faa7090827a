/**
 * Monitoring (issue 17, docs/MONITORING.md): after the demo feed is worked
 * through, the group register lists its group with the member count its
 * header shows, the funder report shows what the log implies, its printed
 * form names no raw id, and the three sections pass axe at desktop and
 * phone widths.
 */
import AxeBuilder from '@axe-core/playwright';
import { TOPICS } from '../../lib/domain/topics';
import { DEMO_GROUP, DEMO_POSTS } from '../fixtures/demo-group/posts';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { storedEvents } from './pages/stored-events';
import { WorkspacePage } from './pages/workspace-page';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

test('the register, trends and funder report show what the demo feed’s log implies', async ({
  context,
  server,
  extensionId,
  serviceWorker,
}) => {
  const feed = new FixtureFeedPage(
    await context.newPage(),
    server.origin,
    'groups/eu-workers-demo/',
  );
  await feed.open();
  await feed.waitForAnalysed(DEMO_POSTS.length);
  const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
  await workspace.selectPost('fb:7301001');
  await workspace.waitForSuggestions();
  await workspace.documentCase('referred', { referredTo: 'Faire Mobilität' });
  await workspace.insertReply('fb:7301002', 'Hallo, hier die Infos.');
  await workspace.documentCase('informed');

  // What the log implies: every question post of the feed, one group, one reply, one referral.
  // Each post-seen entry waits for the post's topic (up to 15 s on a cold background).
  await expect
    .poll(
      async () =>
        new Set(
          (await storedEvents(serviceWorker))
            .filter((e) => e.type === 'post-seen')
            .map((e) => e.postKey),
        ).size,
      { timeout: 30_000 },
    )
    .toBe(DEMO_POSTS.length);
  const events = await storedEvents(serviceWorker);
  const questions = new Set(events.filter((e) => e.isQuestion === true).map((e) => e.postKey));
  expect(questions.size).toBeGreaterThanOrEqual(5); // large enough to be published
  // Post-seen entries carry the topic the marker showed (no "not classified" pile).
  const seen = events.filter((e) => e.type === 'post-seen');
  expect(seen.filter((e) => e.topic).length).toBeGreaterThan(seen.length / 2);

  const dashboard = new DashboardPage(await context.newPage(), extensionId);
  await dashboard.open('groups');
  const card = dashboard
    .section('groups')
    .getByTestId('group-card')
    .filter({ hasText: DEMO_GROUP.name });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('group-members')).toContainText('2,400 members');
  await expect(dashboard.page.getByTestId('groups-members')).toHaveText('2,400');

  // A sector set here reaches the funder report.
  await card.getByTestId('group-sector').selectOption('construction');
  await expect(card.getByRole('status')).toHaveText('Saved.');

  await dashboard.open('report');
  const report = dashboard.section('report');
  await expect(report.getByTestId('report-spaces')).toHaveText('1');
  await expect(report.getByTestId('report-members')).toHaveText('2,400');
  await expect(report.getByTestId('report-questions')).toHaveText(String(questions.size));
  // One reply and one referral: below the threshold of 5, hidden.
  await expect(report.getByTestId('report-answered')).toHaveText('<5');
  await expect(report.getByTestId('report-referrals')).toHaveText('<5');
  await expect(report.getByTestId('report-table-bySector')).toContainText('Construction');
  await expect(report.getByTestId('report-table-byGroup')).toContainText(DEMO_GROUP.name);

  // Printed: the report only, with names and no raw ids.
  await dashboard.page.emulateMedia({ media: 'print' });
  await expect(dashboard.page.locator('.sidebar')).toBeHidden();
  await expect(report.getByTestId('report-print')).toBeHidden();
  const printed = await dashboard.page.locator('body').innerText();
  expect(printed).toContain(DEMO_GROUP.name);
  expect(printed).not.toContain(DEMO_GROUP.id);
  expect(printed).not.toMatch(/\bfb:|\bh:[0-9a-f]/);
  const rawTopics = TOPICS.filter((topic) => new RegExp(`\\b${topic}\\b`).test(printed));
  expect(rawTopics).toEqual([]);
  const languageCells = await report
    .getByTestId('report-table-byLanguage')
    .locator('tbody th')
    .allInnerTexts();
  expect(languageCells.length).toBeGreaterThan(0);
  expect(languageCells.filter((cell) => /^[a-z]{2,3}$/.test(cell.trim()))).toEqual([]);
  await dashboard.page.emulateMedia({ media: 'screen' });

  await dashboard.open('trends');
  const trends = dashboard.section('trends');
  await expect(trends.locator('.trend-canvas canvas').first()).toBeVisible();
  await trends.getByTestId('trend-total').locator('summary').click();
  await expect(trends.getByTestId('trend-total').locator('tbody tr').last()).toContainText(
    String(questions.size),
  );

  for (const width of [1366, 400]) {
    await dashboard.page.setViewportSize({ width, height: 900 });
    for (const section of ['groups', 'trends', 'report']) {
      await dashboard.open(section);
      await dashboard.section(section).waitFor();
      const { violations } = await new AxeBuilder({ page: dashboard.page })
        .withTags(AXE_TAGS)
        .analyze();
      expect(violations.map((v) => `${section} @${width}: ${v.id} (${v.nodes.length})`)).toEqual(
        [],
      );
      const overflow = await dashboard.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${section} @${width} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
});
