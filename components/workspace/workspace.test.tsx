// @vitest-environment happy-dom
/**
 * The workspace driven as an advisor would, against a fake port (the
 * content script) and fake actions (the background): the keyboard path from
 * "Next open question" to saved documentation, the search path, focus after
 * things disappear, and what goes back to the page.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEventRequest } from '../../lib/log/events';
import type { FakePort } from './test-support';
import {
  byTestId,
  fakeActions,
  fakeConnect,
  press,
  renderInI18n,
  sampleSuggestion,
  samplePost,
  settle,
  typeInto,
} from './test-support';
import { Workspace } from './workspace';

const posts = [
  samplePost({ postKey: 'fb:1', order: 0 }),
  samplePost({
    postKey: 'fb:2',
    order: 1,
    text: 'Sprzedam wózek',
    analysis: { language: 'pl', confidence: 0.9, isQuestion: false },
  }),
  samplePost({ postKey: 'fb:3', order: 2, text: 'Czy mam prawo do urlopu?' }),
];

const snapshot = {
  type: 'snapshot',
  page: {
    url: 'https://www.facebook.com/groups/1',
    kind: 'group-feed',
    groupId: 'g1',
    groupName: 'Polacy w Niemczech',
    included: true,
  },
  posts,
};

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function open(actions = fakeActions()) {
  const { connect, last } = fakeConnect();
  const view = await renderInI18n(
    <Workspace tab={{ tabId: 5, url: null, navigations: 0 }} actions={actions} connect={connect} />,
  );
  cleanup = view.unmount;
  const port = last() as FakePort;
  await act(async () => port.receive(snapshot));
  await settle();
  return { ...view, port, actions };
}

/** Answers the last command the workspace sent, as the content script would. */
async function answer(port: FakePort, result: unknown) {
  const command = port.sent.findLast(
    (message): message is { requestId: number } =>
      typeof message === 'object' && message !== null && 'requestId' in message,
  );
  await act(async () => port.receive({ type: 'result', requestId: command?.requestId, result }));
  await settle();
}

const logged = (actions: ReturnType<typeof fakeActions>) =>
  actions.logEvents.mock.calls.flatMap(([events]) => events as LogEventRequest[]);

/**
 * Runs updates the way the browser does outside tests: React schedules renders
 * and effects in tasks of its own instead of flushing them inside act().
 */
async function withoutAct(run: () => Promise<void>) {
  const globals = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  globals.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await run();
  } finally {
    globals.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

describe('Workspace', () => {
  it('says when questions are rising in the group, and nothing when they are not', async () => {
    const quiet = await open();
    expect(quiet.actions.loadGroupSpikes).toHaveBeenCalledWith('g1');
    expect(byTestId(quiet.container, 'group-spikes')).toBeNull();
    await cleanup?.();
    cleanup = undefined;

    const actions = fakeActions();
    actions.loadGroupSpikes.mockResolvedValue([
      { topic: 'unpaid-wages', weekStart: '2026-11-30', count: 14, expected: 2.1 },
    ]);
    const { container } = await open(actions);
    expect(byTestId(container, 'group-spikes')?.textContent).toContain(
      'Unpaid wages: 14 questions in the week of November 30, about 2.1 expected',
    );
  });

  it('lists the posts with open questions first and the counts', async () => {
    const { container } = await open();
    const rows = [...container.querySelectorAll<HTMLElement>('[data-testid="queue-item"]')];
    expect(rows.map((row) => row.dataset.postKey)).toEqual(['fb:1', 'fb:3', 'fb:2']);
    expect(rows[0]?.textContent).toContain('Polski');
    expect(rows[0]?.textContent).toContain('Unpaid wages');
    expect(rows[2]?.parentElement?.className).toBe('muted');
    expect(byTestId(container, 'queue-counts')?.textContent).toBe(
      'Open questions: 2 · Answered: 0 · Posts: 3',
    );
    expect(container.textContent).not.toMatch(/%/);
  });

  it('takes a post from "Next open question" to saved documentation in 5 keys', async () => {
    const { container, port, actions } = await open();
    let keys = 0;

    // 1: n selects the next open question, focuses its heading and the post on the page.
    await press('n');
    keys++;
    expect(document.activeElement).toBe(byTestId(container, 'post-heading'));
    expect(port.sent).toContainEqual(expect.objectContaining({ type: 'focus', postKey: 'fb:1' }));
    expect(byTestId(container, 'post-text')?.textContent).toBe(posts[0]?.text);
    const titles = [...container.querySelectorAll('[data-testid="suggestion-title"]')];
    expect(titles.map((title) => title.textContent)).toEqual(['Unpaid wages', 'Sick leave']);
    expect(byTestId(container, 'suggestion-level')?.textContent).toBe('Likely match');

    // 2: i uses the open reply; the empty placeholder asks for a confirmation that takes focus.
    await press('i');
    keys++;
    expect(byTestId(container, 'insert-warnings')?.textContent).toContain('City');
    expect(document.activeElement).toBe(byTestId(container, 'insert-confirm'));

    // 3: Enter on "Insert anyway" (a button: the browser turns Enter into a click).
    await act(async () => byTestId(container, 'insert-confirm')?.click());
    keys++;
    expect(port.sent).toContainEqual(
      expect.objectContaining({ type: 'insert', postKey: 'fb:1', text: 'Napisz do nas w {city}.' }),
    );
    await answer(port, { command: 'insert', outcome: { status: 'inserted', method: 'paste' } });
    expect(byTestId(container, 'insert-result')?.textContent).toMatch(/post it yourself/);
    expect(document.activeElement).toBe(byTestId(container, 'outcome-informed'));

    // 4: 1 chooses "informed"; 5: Enter saves.
    await press('1');
    keys++;
    await press('Enter');
    keys++;
    await settle();
    expect(byTestId(container, 'documentation-status')?.textContent).toBe('Saved in your log.');
    expect(document.activeElement).toBe(byTestId(container, 'documentation-next'));
    expect(keys).toBe(5);

    const events = logged(actions);
    expect(events.map((event) => event.type)).toEqual([
      'suggestions-shown',
      'reply-inserted',
      'note-added',
    ]);
    expect(events[1]).toMatchObject({
      chosenVia: 'suggestion',
      authorName: 'Jan K.',
      edited: false,
    });
    expect(events[2]).toMatchObject({ outcome: 'informed', note: '', referredTo: null });
    expect(actions.recordFeedback).toHaveBeenCalledWith(
      expect.objectContaining({ answerId: 'unpaid-wages-claim' }),
      'used',
    );
    expect(port.sent.at(-1)).toEqual({
      type: 'statuses',
      statuses: { 'fb:1': 'documented', 'fb:2': 'open', 'fb:3': 'open' },
    });

    // Next open question from there goes on to the next one.
    await act(async () => byTestId(container, 'documentation-next')?.click());
    expect(byTestId(container, 'post-text')?.textContent).toBe(posts[2]?.text);
  });

  it('saves the documentation although the background missed the first attempt', async () => {
    // The service worker stopped while the note was on its way: the port closed without a reply.
    const actions = fakeActions();
    actions.logEvents.mockImplementation((events) =>
      events[0]?.type === 'note-added' && actions.logEvents.mock.calls.length < 3
        ? Promise.reject(new Error('No valid reply to "logEvents".'))
        : Promise.resolve(),
    );
    const { container } = await open(actions);
    await press('n');
    await act(async () => byTestId(container, 'document-without-reply')?.click());
    await press('1');
    await press('Enter');
    await settle(700);
    expect(byTestId(container, 'documentation-status')?.textContent).toBe('Saved in your log.');
    const notes = logged(actions).filter((event) => event.type === 'note-added');
    expect(notes.length).toBeGreaterThan(1);
    expect(new Set(notes.map((event) => event.id)).size).toBe(1);
  });

  it('logs a reply found by searching with chosenVia "search"', async () => {
    const found = sampleSuggestion({
      answerId: 'holiday-basics',
      placeholders: [],
      reply: { language: 'pl', title: 'Urlop', body: 'Masz prawo do urlopu.' },
      translation: { language: 'en', title: 'Holidays', body: 'You have a right to holidays.' },
    });
    const actions = fakeActions({ search: async () => [found] });
    const { container, port } = await open(actions);
    await press('n');
    await press('/');
    const input = byTestId<HTMLInputElement>(container, 'search-input');
    expect(document.activeElement).toBe(input);
    if (input) await typeInto(input, 'urlop');
    await settle(300);
    const result = container.querySelector<HTMLElement>(
      '[data-testid="search-results"] [data-testid="suggestion-toggle"]',
    );
    expect(result?.textContent).toContain('Holidays');
    // Keyboard only: Enter in the field opens the first result and moves focus to it; i inserts.
    await press('Enter');
    expect(document.activeElement).toBe(result);
    expect(
      container.querySelector('[data-via="search"] [data-testid="suggestion-insert"]'),
    ).not.toBeNull();
    await press('i');
    await answer(port, {
      command: 'insert',
      outcome: { status: 'copied', reason: 'no-comment-box' },
    });
    const reply = logged(actions).find((event) => event.type === 'reply-copied');
    expect(reply).toMatchObject({ answerId: 'holiday-basics', chosenVia: 'search' });
    expect(byTestId(container, 'insert-result')?.textContent).toMatch(/clipboard/);
  });

  it('fills {referral} from the directory for the advisor state and post language, and proposes "referred" with its id', async () => {
    const found = sampleSuggestion({
      answerId: 'referral-directory-service',
      kind: 'referral',
      placeholders: ['referral'],
      reply: { language: 'pl', title: 'Porada', body: 'Bezpłatna porada: {referral}' },
      translation: { language: 'en', title: 'Advice', body: 'Free advice: {referral}' },
    });
    const directory = [
      {
        id: 'nw-office',
        packId: 'eu.example.pack',
        name: 'Beratung Dortmund',
        kind: 'labour-rights',
        url: 'https://beratung.example/dortmund',
        channels: [{ type: 'phone', value: '+49 231 000000' }],
        states: ['DE-NW' as const],
        languages: ['de' as const, 'pl' as const],
        lastChecked: '2026-11-20',
        local: true,
      },
      {
        id: 'hotline',
        packId: 'eu.example.pack',
        name: 'Nationwide line',
        kind: 'labour-rights',
        url: 'https://beratung.example/line',
        channels: [{ type: 'email', value: 'rada@beratung.example' }],
        states: ['DE' as const],
        languages: ['pl' as const],
        lastChecked: '2026-11-20',
        local: false,
      },
    ];
    const actions = fakeActions({ search: async () => [found] });
    actions.getSettings.mockResolvedValue({
      ...(await actions.getSettings()),
      advisorState: 'DE-NW',
    });
    actions.listReferrals.mockResolvedValue(directory);
    const { container, port } = await open(actions);
    await press('n');
    await settle();
    expect(actions.listReferrals).toHaveBeenLastCalledWith({ state: 'DE-NW', language: 'pl' });
    await press('/');
    const input = byTestId<HTMLInputElement>(container, 'search-input');
    if (input) await typeInto(input, 'porada');
    await settle(300);
    await press('Enter');
    const picker = byTestId<HTMLSelectElement>(container, 'placeholder-referral');
    expect([...(picker?.querySelectorAll('optgroup') ?? [])].map((g) => g.label)).toEqual([
      'In your federal state',
      'Nationwide',
    ]);
    // Languages by name, as everywhere in the workspace, not as codes.
    expect(picker?.querySelector('option[value="nw-office"]')?.textContent).toBe(
      'Beratung Dortmund – Deutsch, Polski',
    );
    await act(async () => {
      if (!picker) return;
      picker.value = 'nw-office';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(byTestId<HTMLTextAreaElement>(container, 'reply-text')?.value).toBe(
      'Bezpłatna porada: Beratung Dortmund – +49 231 000000 – https://beratung.example/dortmund',
    );
    await press('i');
    await answer(port, { command: 'insert', outcome: { status: 'inserted', method: 'paste' } });
    expect(byTestId<HTMLInputElement>(container, 'outcome-referred')?.checked).toBe(true);
    expect(byTestId<HTMLInputElement>(container, 'referred-to')?.value).toBe('nw-office');
    await press('Enter');
    await settle();
    expect(logged(actions).find((event) => event.type === 'note-added')).toMatchObject({
      outcome: 'referred',
      referredTo: 'nw-office',
    });
  });

  // CI failure of 299a29c: the e2e "n" found the post heading unfocused. A render
  // caused by the page (a snapshot) had committed and its effects were still
  // waiting when the key came; React runs them before the key's render, and the
  // focus request was used up while the heading did not exist yet.
  it('focuses the post heading when n comes while the render of a snapshot waits for its effects', async () => {
    const { container, port } = await open();
    await withoutAct(async () => {
      const pressed = new Promise<void>((resolve) => {
        // Called right after the commit that adds the new row, before its effects run.
        const observer = new MutationObserver(() => {
          observer.disconnect();
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
          resolve();
        });
        observer.observe(container, { childList: true, subtree: true });
      });
      port.receive({
        ...snapshot,
        posts: [
          ...posts,
          samplePost({ postKey: 'fb:4', order: 3, text: 'Czy mogę zmienić pracę?' }),
        ],
      });
      await pressed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(byTestId(container, 'post-view')?.getAttribute('aria-labelledby')).toBe('fb:1-h');
    expect(document.activeElement).toBe(byTestId(container, 'post-heading'));
  });

  it('keeps focus off the body after "does not fit" and after Esc', async () => {
    const { container, actions } = await open();
    await press('n');
    const notFit = container.querySelectorAll<HTMLButtonElement>(
      '[data-testid="suggestion-not-relevant"]',
    )[0];
    notFit?.focus();
    await act(async () => notFit?.click());
    await settle();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.textContent).toContain('Sick leave');
    expect(logged(actions)).toContainEqual(
      expect.objectContaining({ type: 'not-relevant', answerId: 'unpaid-wages-claim' }),
    );
    expect(actions.recordFeedback).toHaveBeenCalledWith(
      expect.objectContaining({ answerId: 'unpaid-wages-claim' }),
      'not-relevant',
    );

    await press('Escape');
    expect(byTestId(container, 'queue')).not.toBeNull();
    expect((document.activeElement as HTMLElement | null)?.dataset.postKey).toBe('fb:1');
  });

  it('marks the whole post not relevant and moves focus to "Next open question"', async () => {
    const { container, actions, port } = await open();
    await press('n');
    await act(async () => byTestId(container, 'post-not-relevant')?.click());
    expect(logged(actions)).toContainEqual(
      expect.objectContaining({ type: 'not-relevant', answerId: null, postKey: 'fb:1' }),
    );
    expect(document.activeElement).toBe(byTestId(container, 'next-open'));
    expect(port.sent.at(-1)).toMatchObject({
      type: 'statuses',
      statuses: { 'fb:1': 'not-relevant' },
    });
  });

  it('selects a post the advisor pressed on the page', async () => {
    const { container, port } = await open();
    await act(async () => port.receive({ type: 'select', postKey: 'fb:3' }));
    await settle();
    expect(byTestId(container, 'post-text')?.textContent).toBe(posts[2]?.text);
  });

  it('says when the group is excluded, and when no pack is active', async () => {
    const { port, container } = await open(
      fakeActions({ suggest: async () => ({ answerCount: 0, results: [] }) }),
    );
    expect(byTestId(container, 'no-pack-banner')).not.toBeNull();
    await act(async () =>
      port.receive({ ...snapshot, page: { ...snapshot.page, included: false } }),
    );
    expect(byTestId(container, 'empty-state')?.dataset.reason).toBe('excluded');
  });

  it('opens the first likely answer even when suggestions arrive after the post was selected', async () => {
    let release: () => void = () => undefined;
    const base = fakeActions();
    const actions = fakeActions({
      suggest: (request) =>
        new Promise((resolve) => {
          release = () => resolve(base.suggest(request));
        }),
    });
    const { container, port } = await open(actions);
    await act(async () => port.receive({ type: 'select', postKey: 'fb:1' }));
    await settle();
    expect(byTestId(container, 'reply-text')).toBeNull();
    await act(async () => release());
    await settle();
    expect(byTestId(container, 'reply-text')).not.toBeNull();
  });

  it('asks for a reload when the page does not answer, and reconnects by itself', async () => {
    const { connect, ports } = fakeConnect();
    const view = await renderInI18n(
      <Workspace
        tab={{ tabId: 5, url: 'https://www.facebook.com/groups/1', navigations: 0 }}
        actions={fakeActions()}
        connect={connect}
      />,
    );
    cleanup = view.unmount;
    expect(byTestId(view.container, 'empty-state')?.dataset.reason).toBe('connecting');
    await act(async () => ports[0]?.drop());
    await settle(300);
    await act(async () => ports[1]?.drop());
    expect(byTestId(view.container, 'empty-state')?.dataset.reason).toBe('unreachable-facebook');
    await settle(1100);
    await act(async () => ports[2]?.receive(snapshot));
    await settle();
    expect(byTestId(view.container, 'queue')).not.toBeNull();
  });
});
