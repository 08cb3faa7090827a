/**
 * Issue 16, "misinformation in comments", end to end on the demo page in
 * Chromium with the test build: a comment repeating the piecework myth is
 * flagged (and stays a comment: no `data-oa-post`), its flag opens the
 * correction in the workspace, Insert puts it into that comment's real Lexical
 * reply box (not the post's), and the log and the dashboard count the claim
 * as seen and corrected.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import { LogDashboardPage } from './pages/log-pages';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { storedEvents } from './pages/stored-events';
import { WorkspacePage } from './pages/workspace-page';

const claimEvents = async (worker: Worker) =>
  (await storedEvents(worker)).filter((event) => event.type.startsWith('claim-'));
import '../fixtures/src/fixture-api';

const FEED = 'groups/eu-workers-demo/';
const MYTH_AUTHOR = 'Krzysztof W.';
const CLAIM = 'piecework-no-minimum-wage';

/** Authors of the comments that have a flag right after them, in page order. */
function flaggedAuthors(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('outreach-advisor-flag')].map(
      (flag) =>
        flag.previousElementSibling?.querySelector('a[role="link"]')?.textContent?.trim() ?? '?',
    ),
  );
}

test('a comment repeating a myth is flagged, corrected as a reply from the workspace, and counted', async ({
  context,
  server,
  serviceWorker,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const feed = new FixtureFeedPage(page, server.origin, FEED);
  await feed.open();
  await feed.waitForAnalysed(DEMO_POSTS.length);

  // Exactly the one comment that repeats a claim gets a flag; comments stay comments.
  await expect.poll(() => flaggedAuthors(page)).toEqual([MYTH_AUTHOR]);
  expect((await feed.contractViolations()).comments).toBe(0);
  // The flag tells the page nothing: no post key, no claim, no text of ours in its attributes.
  const flagAttributes = await page
    .locator('outreach-advisor-flag')
    .evaluate((flag) => flag.getAttributeNames());
  expect(flagAttributes).toEqual([]);
  // The flag is accessible: axe over it, its open shadow root included (test build).
  const axe = await new AxeBuilder({ page })
    .include('outreach-advisor-flag')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .disableRules(['region', 'page-has-heading-one', 'landmark-one-main'])
    .analyze();
  expect(
    axe.violations.map(
      (violation) =>
        `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    ),
  ).toEqual([]);
  expect(axe.passes.some((rule) => rule.id === 'button-name')).toBe(true);
  const postKey = await feed.keyOfAuthor('Marek Zielinski');
  await expect
    .poll(async () => (await claimEvents(serviceWorker)).map((event) => event.type))
    .toEqual(['claim-seen']);
  const [seen] = await claimEvents(serviceWorker);
  expect(seen).toMatchObject({ postKey, claimId: CLAIM });

  // The advisor opens the workspace, then presses the flag on the page (a real click).
  const workspace = await WorkspacePage.openFor(context, extensionId, page);
  await page.bringToFront();
  await page.locator('outreach-advisor-flag').getByRole('button').click();
  const { page: panel } = workspace;
  const section = panel.getByTestId('claims-section');
  await expect(section).toBeVisible();
  // Arriving from the flag, the comment's section comes before the post's suggestions.
  expect(
    await panel.evaluate(() => {
      const claims = document.querySelector('[data-testid="claims-section"]');
      const suggestions = document.querySelector('section.suggestions');
      return Boolean(
        claims &&
        suggestions &&
        claims.compareDocumentPosition(suggestions) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    }),
  ).toBe(true);
  const panelAxe = await new AxeBuilder({ page: panel })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    panelAxe.violations.map(
      (violation) =>
        `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    ),
  ).toEqual([]);
  const flagged = section.locator(`[data-testid="flagged-comment"][data-claim="${CLAIM}"]`);
  await expect(flagged.locator('blockquote')).toContainText('na akord');
  // The correction is open, in Polish, the comment's language.
  const card = flagged.getByTestId('suggestion');
  const reply = workspace.reply(card);
  await expect(reply).toBeVisible();
  const text = await reply.inputValue();
  expect(text).toMatch(/akord|sztuk/i);

  await workspace.insert(card).click();
  await workspace.confirm(card).click(); // example content: the advisor confirms
  await expect(card.getByTestId('claim-correction-result')).toContainText(
    'Inserted as a reply to this comment',
  );
  // In the comment's own reply box, as Lexical holds it; the post's box stays empty.
  const replyText = await page.evaluate((author) => {
    const comment = [...document.querySelectorAll('[role="article"][aria-label]')].find((element) =>
      element.getAttribute('aria-label')?.includes(author),
    );
    return comment && window.oaFixture?.readReply ? window.oaFixture.readReply(comment) : null;
  }, MYTH_AUTHOR);
  expect(replyText).toBe(text);
  expect(await feed.lexicalText(postKey)).toBeNull();

  await expect
    .poll(async () => (await claimEvents(serviceWorker)).map((event) => event.type).sort())
    .toEqual(['claim-corrected', 'claim-seen']);
  const corrected = (await claimEvents(serviceWorker)).find(
    (event) => event.type === 'claim-corrected',
  );
  expect(corrected).toMatchObject({
    postKey,
    claimId: CLAIM,
    commentKey: seen?.commentKey,
    answerId: 'minimum-wage-myth-piecework',
  });

  // The flag on the page now says so, and still does after a reload (from the log).
  const flagText = () =>
    page.locator('outreach-advisor-flag').getByRole('button').textContent({ timeout: 10_000 });
  await expect.poll(flagText).toContain('Myth corrected');
  await page.reload();
  await feed.waitForAnalysed(DEMO_POSTS.length);
  await expect.poll(flagText, { timeout: 15_000 }).toContain('Myth corrected');

  // The dashboard counts the claim: one comment seen, one corrected.
  const dashboard = new LogDashboardPage(await context.newPage(), extensionId);
  await dashboard.open('stats');
  const row = dashboard.page.locator(`[data-testid="stats-claims"] tr[data-claim="${CLAIM}"]`);
  // Named by what the claim says, in the dashboard's language (English here).
  const answer = JSON.parse(
    readFileSync('packs/default/answers/minimum-wage-myth-piecework.json', 'utf8'),
  ) as { claims: { id: string; texts: { en: { statement: string } } }[] };
  const statement = answer.claims.find((claim) => claim.id === CLAIM)?.texts.en.statement;
  expect(statement).toBeTruthy();
  await expect(row.locator('th')).toContainText(statement ?? '');
  await expect(row.getByTestId('claim-seen')).toHaveText('1');
  await expect(row.getByTestId('claim-corrected')).toHaveText('1');
});
