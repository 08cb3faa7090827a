/**
 * The suggestion panel end to end, on the demo group page with the bundled
 * default pack: the replies a counsellor expects for the Polish, Romanian,
 * Bulgarian and Greek questions, none for off-topic posts, a reply with its
 * placeholders filled landing intact in the real Lexical comment box, the
 * confirmation that unreviewed content needs, and every action in the log.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../../lib/packs/schema';
import { composeReply, fillPlaceholders } from '../../lib/suggestions/reply';
import { expect, REPO_ROOT, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { SuggestionPanel } from './pages/suggestion-panel';
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

function packText(answerId: string, language: 'fr' | 'pl') {
  const answer = defaultPack.answers.find((a) => a.id === answerId);
  const text = answer?.texts[language];
  if (!answer || !text) throw new Error(`${answerId} has no ${language} text in the default pack`);
  return { answer, text };
}

interface StoredEvent {
  type: string;
  at: number;
  postKey: string;
  answerId?: string | null;
  answerIds?: string[];
  packVersion?: string;
  edited?: boolean;
  referredTo?: string;
  topic?: string | null;
}

/** The log as the background stored it (IndexedDB of the extension), oldest first. */
function loggedEvents(worker: Worker, postKey: string): Promise<StoredEvent[]> {
  return worker.evaluate(
    (key) =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('outreach-advisor');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            open.result.close();
            // Ids are random, so the store's order is not the order of events.
            const events = (request.result as StoredEvent[])
              .filter((event) => event.postKey === key)
              .sort((a, b) => a.at - b.at);
            resolve(events);
          };
          request.onerror = () => reject(new Error('cannot read events'));
        };
      }),
    postKey,
  );
}

async function openDemo(context: BrowserContext, origin: string) {
  const feed = new FixtureFeedPage(await context.newPage(), origin, DEMO);
  await feed.open();
  // Topic and suggestions are mirrored on every overlay once the background answered.
  await feed.page.waitForFunction(
    () =>
      document.querySelectorAll('outreach-advisor-overlay[data-suggestions]').length ===
      document.querySelectorAll('[data-oa-post]').length,
  );
  return feed;
}

test.describe('checked replies on the demo page', () => {
  test('Polish, Romanian, Bulgarian and Greek questions get the replies a counsellor expects', async ({
    context,
    server,
  }) => {
    const feed = await openDemo(context, server.origin);
    const found = [];
    for (const expected of EXPECTED) {
      const panel = new SuggestionPanel(feed.page, expected.postKey);
      found.push({
        postKey: expected.postKey,
        language: await panel.overlay.getAttribute('data-language'),
        topic: await panel.overlay.getAttribute('data-topic'),
        offered: (await panel.advertisedAnswerIds()).includes(expected.answerId),
      });
    }
    expect(found).toEqual(
      EXPECTED.map(({ postKey, language, topic }) => ({ postKey, language, topic, offered: true })),
    );

    // The panel shows them: at most three, the expected one with its title in the post's language.
    const polish = new SuggestionPanel(feed.page, 'fb:7301001');
    await expect(polish.summary).toBeVisible();
    await polish.open();
    const count = await polish.suggestions.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    const card = await polish.openSuggestion('minimum-wage-basics');
    const { text } = packText('minimum-wage-basics', 'pl');
    await expect(card.getByTestId('suggestion-title')).toHaveText(text.title);
    await expect(card.getByTestId('suggestion-rendering')).toContainText(
      defaultPack.answers.find((a) => a.id === 'minimum-wage-basics')?.texts.en?.title ?? '—',
    );
    await expect(card.getByTestId('review-status')).toHaveText(
      'example content – legal review pending',
    );
    await expect(card.getByTestId('signature-status')).toHaveText('not signed');
  });

  test('off-topic posts show no suggestion', async ({ context, server }) => {
    const feed = await openDemo(context, server.origin);
    for (const postKey of OFF_TOPIC) {
      const panel = new SuggestionPanel(feed.page, postKey);
      await expect(panel.overlay, postKey).toHaveAttribute('data-suggestions', '');
      await expect(panel.overlay, postKey).toHaveAttribute('data-topic', 'off-topic');
      await expect(panel.summary, postKey).toHaveCount(0);
      await panel.open();
      await expect(panel.suggestions, postKey).toHaveCount(0);
      await expect(panel.none, postKey).toBeVisible();
    }
  });

  test('a reply with filled placeholders lands intact in the Lexical comment box after the confirmation', async ({
    context,
    server,
  }) => {
    const feed = await openDemo(context, server.origin);
    const panel = new SuggestionPanel(feed.page, 'fb:7301009');
    await panel.open();
    const card = await panel.openSuggestion('referral-local-counselling');

    // An empty placeholder and the missing legal review both need a confirmation.
    await panel.fillPlaceholder(card, 'city', 'Köln');
    await panel.insert(card).click();
    await expect(panel.warnings(card)).toBeVisible();
    await expect(panel.warningKinds(card)).toHaveText([/example content/, /\{contact\}/]);
    // The comment box was not even opened (null) or holds nothing.
    expect((await feed.lexicalText('fb:7301009')) ?? '').toBe('');
    await card.getByTestId('suggestion-cancel').click();
    await expect(panel.warnings(card)).toHaveCount(0);

    await panel.fillPlaceholder(card, 'contact', '0221 123 456 (Mo–Fr 9–16 Uhr)');
    await panel.insert(card).click();
    await expect(panel.warningKinds(card)).toHaveCount(1);
    // The comment box was not even opened (null) or holds nothing.
    expect((await feed.lexicalText('fb:7301009')) ?? '').toBe('');
    await panel.confirm(card).click();
    await expect(panel.status(card)).toContainText('Inserted');

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
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    const feed = await openDemo(context, server.origin);
    const postKey = 'fb:7301001';
    const panel = new SuggestionPanel(feed.page, postKey);
    await panel.open();
    const shown = await panel.advertisedAnswerIds();
    expect(shown).toContain('minimum-wage-basics');

    const card = await panel.openSuggestion('minimum-wage-basics');
    await panel.reply(card).fill(`${await panel.reply(card).inputValue()}\nPozdrawiam`);
    await panel.insert(card).click();
    await panel.confirm(card).click();
    await expect(panel.status(card)).toContainText('Inserted');
    await panel.copy(card).click();
    await panel.confirm(card).click();
    await expect(panel.status(card)).toContainText('Copied');

    const other = shown.find((id) => id !== 'minimum-wage-basics');
    if (!other) throw new Error('expected more than one suggestion for the Polish wage question');
    await panel.notRelevant(panel.suggestion(other)).click();
    await expect(panel.suggestion(other)).toHaveCount(0);
    await expect.poll(async () => (await panel.advertisedAnswerIds()).includes(other)).toBe(false);

    await panel.markHandled();
    await panel.markReferred('Faire Mobilität');
    await expect(panel.caseStatus).toContainText('Faire Mobilität');

    await expect
      .poll(async () => (await loggedEvents(serviceWorker, postKey)).map((e) => e.type).sort())
      .toEqual(
        expect.arrayContaining([
          'handled',
          'not-relevant',
          'referred',
          'reply-copied',
          'reply-inserted',
          'suggestions-shown',
        ]),
      );
    const events = await loggedEvents(serviceWorker, postKey);
    const byType = (type: string) => events.filter((event) => event.type === type);
    expect(byType('suggestions-shown')[0]?.answerIds).toEqual(shown);
    expect(byType('reply-inserted')).toEqual([
      expect.objectContaining({
        answerId: 'minimum-wage-basics',
        packVersion: defaultPack.version,
        edited: true,
        topic: 'minimum-wage',
      }),
    ]);
    expect(byType('reply-copied')).toEqual([
      expect.objectContaining({
        answerId: 'minimum-wage-basics',
        packVersion: defaultPack.version,
      }),
    ]);
    expect(byType('not-relevant')).toEqual([expect.objectContaining({ answerId: other })]);
    expect(byType('referred')).toEqual([
      expect.objectContaining({ referredTo: 'Faire Mobilität' }),
    ]);

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
