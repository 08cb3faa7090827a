/**
 * Suggestions in the workspace end to end, on the demo group page with the
 * bundled default pack: the replies a counsellor expects for the Polish,
 * Romanian, Bulgarian and Greek questions, no likely reply for off-topic
 * posts, a reply with its placeholders filled landing intact in the real
 * Lexical comment box, the confirmation that unreviewed content needs, and
 * every action in the log.
 */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../../lib/packs/schema';
import { LANGUAGE_ENDONYMS } from '../../lib/domain/languages';
import { composeReply, fillPlaceholders } from '../../lib/suggestions/reply';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import { expect, REPO_ROOT, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { storedEvents } from './pages/stored-events';
import { WorkspacePage } from './pages/workspace-page';
import '../fixtures/src/fixture-api';

const DEMO = 'groups/eu-workers-demo/';
const defaultPack = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packs', 'default-pack.json'), 'utf8'),
) as Pack;

/** What a counsellor expects for the demo's questions: the topic and a reply that must be offered. */
const EXPECTED = [
  { postKey: 'fb:7301001', language: 'pl', topic: 'minimum-wage', answerId: 'minimum-wage-basics' },
  { postKey: 'fb:7301018', language: 'pl', topic: 'taxes', answerId: 'taxes-refund' },
  { postKey: 'fb:7301002', language: 'ro', topic: 'unpaid-wages', answerId: 'unpaid-wages-claim' },
  { postKey: 'fb:7301019', language: 'ro', topic: 'exploitation', answerId: 'exploitation-help' },
  {
    postKey: 'fb:7301003',
    language: 'bg',
    topic: 'bogus-self-employment',
    answerId: 'bogus-self-employment-gewerbe',
  },
  {
    postKey: 'fb:7301017',
    language: 'bg',
    topic: 'housing',
    answerId: 'housing-employer-accommodation',
  },
  { postKey: 'fb:7301004', language: 'el', topic: 'dismissal', answerId: 'dismissal-deadline' },
  { postKey: 'fb:7301005', language: 'el', topic: 'sick-leave', answerId: 'sick-leave-pay' },
] as const;

/** Selling a pram, looking for a ride home, a greeting. */
const OFF_TOPIC = ['fb:7301015', 'fb:7301016', 'fb:7301022'];

function packText(answerId: string, language: 'en' | 'fr' | 'pl') {
  const answer = defaultPack.answers.find((a) => a.id === answerId);
  const text = answer?.texts[language];
  if (!answer || !text) throw new Error(`${answerId} has no ${language} text in the default pack`);
  return { answer, text };
}

async function openDemo(context: BrowserContext, origin: string, extensionId: string) {
  const feed = new FixtureFeedPage(await context.newPage(), origin, DEMO);
  await feed.open();
  // Every demo post's marker, with topic and suggestions once the background answered. (Comparing
  // with the number of marked posts passed before all were marked: 0 = 0 at the start.)
  await feed.waitForSuggestions(DEMO_POSTS.length);
  const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
  return { feed, workspace };
}

test.describe('checked replies in the workspace', () => {
  test('Polish, Romanian, Bulgarian and Greek questions get the replies a counsellor expects', async ({
    context,
    server,
    extensionId,
  }) => {
    const { feed, workspace } = await openDemo(context, server.origin, extensionId);
    const found = [];
    for (const expected of EXPECTED) {
      await workspace.selectPost(expected.postKey);
      const marker = feed.overlay(expected.postKey);
      found.push({
        postKey: expected.postKey,
        language: await marker.getAttribute('data-language'),
        topic: await marker.getAttribute('data-topic'),
        heading: await workspace.postHeading.textContent(),
        offered: (await workspace.suggestedAnswerIds()).includes(expected.answerId),
      });
    }
    expect(found).toEqual(
      EXPECTED.map(({ postKey, language, topic }) => ({
        postKey,
        language,
        topic,
        heading: expect.stringContaining(LANGUAGE_ENDONYMS[language]),
        offered: true,
      })),
    );

    // The workspace shows them: at most three, the expected one titled in the
    // advisor's language (English) and in the post's.
    await workspace.selectPost('fb:7301001');
    const count = (await workspace.suggestedAnswerIds()).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    const card = await workspace.openCard('minimum-wage-basics');
    const english = packText('minimum-wage-basics', 'en').text;
    const polish = packText('minimum-wage-basics', 'pl').text;
    await expect(card.getByTestId('suggestion-title')).toHaveText(english.title);
    await expect(card.getByTestId('suggestion-toggle')).toContainText(
      `${LANGUAGE_ENDONYMS.pl}: ${polish.title}`,
    );
    await expect(card.getByTestId('suggestion-level')).toHaveText('Likely match');
    // The reply to insert is the post's language; its rendering beside it the advisor's.
    expect(await workspace.reply(card).inputValue()).toContain(polish.body.split('\n')[0]);
    await expect(card.getByTestId('reply-rendering')).toContainText(english.title);
    await expect(card.getByTestId('review-badge').first()).toHaveText('Example text, not reviewed');
    await card.getByTestId('legal-toggle').click();
    const legal = card.getByTestId('legal-details');
    await expect(legal).toContainText('example content, no lawyer has reviewed it');
    await expect(legal).toContainText('no signature');
    await expect(legal).toContainText(defaultPack.version);
  });

  test('off-topic posts get no likely suggestion', async ({ context, server, extensionId }) => {
    const { feed, workspace } = await openDemo(context, server.origin, extensionId);
    for (const postKey of OFF_TOPIC) {
      await expect(feed.overlay(postKey), postKey).toHaveAttribute('data-suggestions', '');
      await expect(feed.overlay(postKey), postKey).toHaveAttribute('data-topic', 'off-topic');
      // Off-topic posts are not open questions: the queue de-emphasises them.
      await expect(
        workspace.page.locator(`li.muted > [data-testid="queue-item"][data-post-key="${postKey}"]`),
        postKey,
      ).toHaveCount(1);
      await workspace.selectPost(postKey);
      await workspace.waitForSuggestions();
      await expect(workspace.suggested, postKey).toHaveCount(0);
      await expect(workspace.page.getByTestId('suggestion-level'), postKey).toHaveCount(0);
      await expect(workspace.suggestionsNone, postKey).toBeVisible();
      await expect(workspace.page.getByTestId('possible-topics'), postKey).toHaveCount(0);
      await workspace.page.keyboard.press('Escape');
    }
  });

  test('a reply with filled placeholders lands intact in the Lexical comment box after the confirmation', async ({
    context,
    server,
    extensionId,
  }) => {
    const { feed, workspace } = await openDemo(context, server.origin, extensionId);
    await workspace.selectPost('fb:7301009');
    await workspace.waitForSuggestions();
    const card = await workspace.openCard('referral-local-counselling');

    // An empty placeholder and the missing legal review both need a confirmation.
    await workspace.fillPlaceholder(card, 'city', 'Köln');
    await workspace.insert(card).click();
    await expect(workspace.warnings(card)).toBeVisible();
    expect(await workspace.warningKinds(card)).toEqual(['not-reviewed', 'placeholder']);
    await expect(workspace.warnings(card).locator('[data-warning]')).toHaveText([
      /example content/,
      /Still empty: How to reach you/,
    ]);
    // The comment box was not even opened (null) or holds nothing.
    expect((await feed.lexicalText('fb:7301009')) ?? '').toBe('');
    await workspace.cancel(card).click();
    await expect(workspace.warnings(card)).toHaveCount(0);

    await workspace.fillPlaceholder(card, 'contact', '0221 123 456 (Mo–Fr 9–16 Uhr)');
    await workspace.insert(card).click();
    expect(await workspace.warningKinds(card)).toEqual(['not-reviewed']);
    // The comment box was not even opened (null) or holds nothing.
    expect((await feed.lexicalText('fb:7301009')) ?? '').toBe('');
    await workspace.confirm(card).click();
    await expect(workspace.result(card)).toContainText('Inserted');

    const { answer, text } = packText('referral-local-counselling', 'fr');
    const expected = fillPlaceholders(
      composeReply({ reply: { language: 'fr', ...text }, links: answer.links }),
      { city: 'Köln', contact: '0221 123 456 (Mo–Fr 9–16 Uhr)' },
    );
    expect(expected).toContain('\n\n');
    expect(expected).not.toMatch(/\{(city|contact)\}/);
    await expect.poll(() => feed.lexicalText('fb:7301009')).toBe(expected);
  });

  test('each action is logged with its answer and pack version, and feedback shows in Settings', async ({
    context,
    server,
    serviceWorker,
    extensionId,
  }) => {
    const { feed, workspace } = await openDemo(context, server.origin, extensionId);
    const postKey = 'fb:7301001';
    await workspace.selectPost(postKey);
    const shown = await workspace.suggestedAnswerIds();
    expect(shown).toContain('minimum-wage-basics');

    const card = await workspace.openCard('minimum-wage-basics');
    const reply = workspace.reply(card);
    await reply.fill(`${await reply.inputValue()}\nPozdrawiam`);
    await workspace.insert(card).click();
    await workspace.confirm(card).click();
    await expect(workspace.result(card)).toContainText('Inserted');
    expect(await feed.lexicalText(postKey)).toMatch(/\nPozdrawiam$/);
    await workspace.copy(card).click();
    await workspace.confirm(card).click();
    await expect(workspace.result(card)).toContainText('Copied');

    const other = shown.find((id) => id !== 'minimum-wage-basics');
    if (!other) throw new Error('expected more than one suggestion for the Polish wage question');
    await workspace.notRelevant(workspace.card(other)).click();
    await expect(workspace.card(other)).toHaveCount(0);
    await expect.poll(() => workspace.suggestedAnswerIds()).not.toContain(other);

    // The one documentation flow replaced "Handled" and "Log referral".
    await workspace.documentCase('referred', { referredTo: 'Faire Mobilität' });
    await expect(workspace.queueItem(postKey)).toHaveCount(0); // still in the post view
    await expect(workspace.page.getByTestId('post-status')).toHaveText('Documented');

    await expect
      .poll(async () => (await storedEvents(serviceWorker, postKey)).map((e) => e.type).sort())
      .toEqual(
        expect.arrayContaining([
          'not-relevant',
          'note-added',
          'reply-copied',
          'reply-inserted',
          'suggestions-shown',
        ]),
      );
    const events = await storedEvents(serviceWorker, postKey);
    const byType = (type: string) => events.filter((event) => event.type === type);
    expect(byType('suggestions-shown')[0]?.answerIds).toEqual(shown);
    expect(byType('reply-inserted')).toEqual([
      expect.objectContaining({
        answerId: 'minimum-wage-basics',
        packVersion: defaultPack.version,
        edited: true,
        topic: 'minimum-wage',
        chosenVia: 'suggestion',
      }),
    ]);
    expect(byType('reply-copied')).toEqual([
      expect.objectContaining({
        answerId: 'minimum-wage-basics',
        packVersion: defaultPack.version,
        chosenVia: 'suggestion',
      }),
    ]);
    expect(byType('not-relevant')).toEqual([expect.objectContaining({ answerId: other })]);
    expect(byType('note-added')).toEqual([
      expect.objectContaining({ outcome: 'referred', referredTo: 'Faire Mobilität' }),
    ]);
    // Nothing is logged under the old, second documentation path.
    expect(byType('handled')).toEqual([]);
    expect(byType('referred')).toEqual([]);

    // The feedback is visible and resettable in the dashboard's Settings.
    const dashboard = new DashboardPage(await context.newPage(), extensionId);
    await dashboard.open('settings');
    const rows = dashboard.page.getByTestId('feedback-row');
    await expect(rows).toHaveCount(2);
    await expect(
      dashboard.page.locator(`[data-testid="feedback-row"][data-answer-id="${other}"]`),
    ).toContainText('lower');
    await expect(
      dashboard.page.locator('[data-testid="feedback-row"][data-answer-id="minimum-wage-basics"]'),
    ).toContainText('higher');
    await dashboard.page.getByTestId('feedback-reset-all').click();
    await expect(dashboard.page.getByTestId('feedback-empty')).toBeVisible();
  });
});
