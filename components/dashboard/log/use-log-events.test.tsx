// @vitest-environment happy-dom
/**
 * The log and statistics sections follow the database by themselves: an
 * event the background stores while the page is open appears without a
 * reload. Each test renders a section against fake-indexeddb, stores an event
 * through the log store as the background does, and waits for the view.
 */
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDatabase } from '../../../lib/db/database';
import { createI18n } from '../../../lib/i18n/i18n';
import type { LogEventInput } from '../../../lib/log/events';
import { importLogExports } from '../../../lib/log/merge';
import { storeEvents } from '../../../lib/log/store';
import { QUARTER_EXAMPLES } from '../../../tests/fixtures/example-quarter';
import { sampleEvent } from '../../../tests/fixtures/sample-events';
import { LogSection } from '../log-section';
import { StatsSection } from '../stats-section';

const reactTest = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
reactTest.IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Database updates reach React outside act(), so while waiting for the view
 * the test leaves act mode, as Testing Library's waitFor does.
 */
async function waitForView(assertion: () => void): Promise<void> {
  reactTest.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(assertion);
  } finally {
    reactTest.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

const STORE_OPTIONS = { advisor: 'Advisor K', storePostText: false };

function postSeen(id: string): LogEventInput {
  return sampleEvent('post-seen', { id, postKey: `group-1:${id}` });
}

let i18n: I18n;
let container: HTMLElement;
let root: Root;

beforeAll(async () => {
  i18n = await createI18n('en');
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function render(section: ReactNode): Promise<void> {
  await act(async () => root.render(<I18nextProvider i18n={i18n}>{section}</I18nextProvider>));
}

const text = (testId: string) =>
  container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('LogSection', () => {
  it('shows an event stored after it opened, without a reload', async () => {
    await storeEvents(getDatabase(), [postSeen('post-1')], STORE_OPTIONS);
    await render(<LogSection />);
    await waitForView(() => expect(text('log-count')).toBe('1 entry matches the filters.'));

    await storeEvents(getDatabase(), [postSeen('post-2')], STORE_OPTIONS);

    await waitForView(() => expect(text('log-count')).toBe('2 entries match the filters.'));
    // "Post seen" entries are in the table once asked for (issue 17).
    await act(async () =>
      container.querySelector<HTMLInputElement>('[data-testid="log-show-seen"]')?.click(),
    );
    expect(container.querySelectorAll('[data-testid="log-row"]')).toHaveLength(2);
  });
});

describe('StatsSection', () => {
  it('counts an event stored after it opened, without a reload', async () => {
    await storeEvents(getDatabase(), [postSeen('post-1')], STORE_OPTIONS);
    await render(<StatsSection />);
    await waitForView(() => expect(text('total-posts')).toBe('1'));

    await storeEvents(getDatabase(), [postSeen('post-2')], STORE_OPTIONS);

    await waitForView(() => expect(text('total-posts')).toBe('2'));
  });
});

describe('StatsSection imports table', () => {
  it('says how many of a file’s entries were kept, not only how many it held', async () => {
    const example = QUARTER_EXAMPLES[0];
    if (!example) throw new Error('no example export');
    const text = await example.render();
    const events = (JSON.parse(text) as { events: { at: number }[] }).events;
    // A retention cut-off in the middle of the file: the older half is not imported.
    const times = events.map((event) => event.at).sort((a, b) => a - b);
    const cutoff = times[Math.floor(times.length / 2)] ?? 0;
    const report = await importLogExports(getDatabase(), [{ name: 'advisor-a.json', text }], {
      retentionCutoff: cutoff,
      now: Date.UTC(2026, 9, 7),
    });
    const kept = report.files[0]?.status === 'merged' ? report.files[0].added : -1;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(events.length);

    await render(<StatsSection />);
    await waitForView(() =>
      expect(
        container.querySelector('[data-testid="imports-table"] tbody td:nth-child(3)')?.textContent,
      ).toBe(`${kept} of ${events.length}`),
    );
  });
});
