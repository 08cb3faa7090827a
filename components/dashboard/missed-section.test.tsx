// @vitest-environment happy-dom
/**
 * The missed-questions section counts what matching missed from the log as
 * the background stores it, and follows the database without a reload.
 */
import type { i18n as I18n } from 'i18next';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDatabase } from '../../lib/db/database';
import { createI18n } from '../../lib/i18n/i18n';
import { storeEvents } from '../../lib/log/store';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { MissedSection } from './missed-section';

const reactTest = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
reactTest.IS_REACT_ACT_ENVIRONMENT = true;

async function waitForView(assertion: () => void): Promise<void> {
  reactTest.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(assertion);
  } finally {
    reactTest.IS_REACT_ACT_ENVIRONMENT = true;
  }
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

const cells = () =>
  [...container.querySelectorAll('[data-testid="missed-table"] tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );

describe('MissedSection', () => {
  it('counts posts answered through search and "not relevant" marks per topic and language', async () => {
    await act(async () =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <MissedSection />
        </I18nextProvider>,
      ),
    );
    await waitForView(() =>
      expect(container.querySelector('[data-testid="missed-empty"]')).not.toBeNull(),
    );

    await storeEvents(
      getDatabase(),
      [
        sampleEvent('reply-inserted', { postKey: 'g:1', chosenVia: 'search' }),
        sampleEvent('reply-inserted', { postKey: 'g:2', chosenVia: 'suggestion' }),
        sampleEvent('not-relevant', { postKey: 'g:3', language: 'ro', topic: 'dismissal' }),
      ],
      { advisor: 'Advisor K', storePostText: false },
    );

    await waitForView(() =>
      expect(cells()).toEqual([
        ['Dismissal', 'Romanian', '0', '1'],
        ['Unpaid wages', 'Polish', '1', '0'],
      ]),
    );
    expect(container.querySelector('[data-testid="missed-texts"]')).toBeNull();
  });
});
