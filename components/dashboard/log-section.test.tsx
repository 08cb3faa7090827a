// @vitest-environment happy-dom
/**
 * The log table names what it shows (topics, languages, advisors) in the UI
 * language and leaves "Post seen" entries out until asked for them; the
 * count and the exports still cover them (UX review row 11).
 */
import type { i18n as I18n } from 'i18next';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDatabase } from '../../lib/db/database';
import { createI18n } from '../../lib/i18n/i18n';
import { storeEvents, UNNAMED_ADVISOR } from '../../lib/log/store';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { LogSection } from './log-section';
import type { Mounted } from './shared-ui/test-render';
import { mount, waitForView } from './shared-ui/test-render';

let view: Mounted;
afterEach(async () => {
  await view.unmount();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function renderIn(language: 'en' | 'de'): Promise<I18n> {
  const i18n = await createI18n(language);
  view = mount(i18n);
  await view.render(<LogSection />);
  return i18n;
}

const rows = () =>
  [...view.container.querySelectorAll('[data-testid="log-row"]')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );
const rowTypes = () =>
  [...view.container.querySelectorAll('[data-testid="log-row"]')].map((row) =>
    row.getAttribute('data-type'),
  );
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  view.container.querySelector<T>(`[data-testid="${id}"]`);

beforeEach(async () => {
  await storeEvents(
    getDatabase(),
    [
      sampleEvent('post-seen', { postKey: 'g:1', at: Date.UTC(2026, 2, 2, 8), topic: null }),
      sampleEvent('post-seen', { postKey: 'g:2', at: Date.UTC(2026, 2, 2, 9), topic: null }),
      sampleEvent('note-added', {
        postKey: 'g:1',
        at: Date.UTC(2026, 2, 2, 10),
        language: 'ro',
        topic: 'sick-leave',
        outcome: 'informed',
        groupName: 'Românii din Germania – întrebări despre muncă, acte și locuințe',
      }),
    ],
    { advisor: UNNAMED_ADVISOR, storePostText: false },
  );
});

describe('LogSection', () => {
  it('names topics, languages and the unnamed advisor, and hides "Post seen" until asked', async () => {
    await renderIn('en');
    await waitForView(() =>
      expect(byTestId('log-count')?.textContent).toBe('3 entries match the filters.'),
    );
    expect(rowTypes()).toEqual(['note-added']);
    const [, , group, language, topic, detail, advisor] = rows()[0] ?? [];
    expect([language, topic, detail, advisor]).toEqual([
      'Romanian',
      'Sick leave',
      'Informed',
      '(no pseudonym)',
    ]);
    expect(group).toBe('Românii din Germania – întrebări despre muncă, acte și locuințe');
    // One line with an ellipsis on screen; the whole name in the tooltip.
    expect(view.container.querySelector('.log-group .truncate')?.getAttribute('title')).toBe(group);
    expect(byTestId('log-seen-hidden')?.textContent).toContain('2 “Post seen” entries are hidden');

    await act(async () => byTestId('log-show-seen')?.click());
    expect(rowTypes()).toEqual(['note-added', 'post-seen', 'post-seen']);
    expect(rows()[1]?.[4]).toBe('–');
    expect(byTestId('log-seen-hidden')).toBeNull();
  });

  it('shows "Post seen" entries when the type filter asks for them', async () => {
    await renderIn('en');
    await waitForView(() => expect(rowTypes()).toEqual(['note-added']));
    const types = byTestId('filter-types');
    await act(async () =>
      types?.querySelector<HTMLInputElement>('input[value="post-seen"]')?.click(),
    );
    await waitForView(() => expect(rowTypes()).toEqual(['post-seen', 'post-seen']));
    expect(byTestId<HTMLInputElement>('log-show-seen')?.checked).toBe(true);
  });

  it('speaks German in the German UI, topic filter included', async () => {
    await renderIn('de');
    await waitForView(() => expect(rowTypes()).toEqual(['note-added']));
    const [, , , language, topic, , advisor] = rows()[0] ?? [];
    expect([language, topic, advisor]).toEqual(['Rumänisch', 'Krankheit', '(ohne Pseudonym)']);
    const topicLabels = [...(byTestId('filter-topics')?.querySelectorAll('label.chip') ?? [])].map(
      (label) => label.textContent,
    );
    expect(topicLabels).toContain('Krankheit');
    expect(topicLabels).not.toContain('sick-leave');
  });
});
