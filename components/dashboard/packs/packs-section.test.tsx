// @vitest-environment happy-dom
/**
 * "Check for update" fetches the address the pack itself names (`updateUrl`),
 * not one the user typed, so the dashboard asks first (security review,
 * finding 17). Cancelling must fetch nothing and install nothing; confirming
 * fetches, previews and, after "Install", installs the new version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n as I18n } from 'i18next';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getDatabase } from '../../../lib/db/database';
import { createI18n } from '../../../lib/i18n/i18n';
import type { Pack } from '../../../lib/packs/schema';
import { PackStore } from '../../../lib/packs/store';
import { PacksSection } from './packs-section';

const reactTest = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
reactTest.IS_REACT_ACT_ENVIRONMENT = true;

/** Database updates reach React outside act(); wait the way Testing Library's waitFor does. */
async function waitForView(assertion: () => void): Promise<void> {
  reactTest.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(assertion, { timeout: 5000 });
  } finally {
    reactTest.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

const UPDATE_URL = 'https://packs.example.org/test-pack.json';

function smallPack(version: string): Pack {
  const base = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../packs/default-pack.json'), 'utf8'),
  ) as Pack;
  return {
    ...base,
    id: 'org.example.update-test',
    title: 'Update test pack',
    version,
    updateUrl: UPDATE_URL,
    answers: base.answers.slice(0, 2),
  };
}

let i18n: I18n;
let container: HTMLElement;
let root: Root;
let fetchMock: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  i18n = await createI18n('en');
});

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await new PackStore(getDatabase()).install(JSON.stringify(smallPack('1.0.0')), {
    kind: 'file',
    name: 'update-test.json',
  });
  const newer = JSON.stringify(smallPack('1.1.0'));
  fetchMock = vi.fn(
    async () =>
      new Response(newer, { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  // The host permission prompt: granted (the confirmation under test comes before it).
  browser.permissions.request = vi.fn(async () => true) as typeof browser.permissions.request;
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

const card = () =>
  container.querySelector<HTMLElement>(
    '[data-testid="installed-pack"][data-pack-id="org.example.update-test"]',
  );
const byTestId = (scope: ParentNode | null, id: string) =>
  scope?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;

async function renderAndCheckUpdate(answer: boolean): Promise<ReturnType<typeof vi.fn>> {
  await act(async () =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <PacksSection />
      </I18nextProvider>,
    ),
  );
  await waitForView(() => expect(byTestId(card(), 'check-update')).not.toBeNull());
  const confirm = vi.fn(() => answer);
  vi.stubGlobal('confirm', confirm);
  await act(async () => byTestId(card(), 'check-update')?.click());
  return confirm;
}

describe('PacksSection: checking a pack-chosen update address', () => {
  it('asks first, and cancelling fetches nothing and installs nothing', async () => {
    const confirm = await renderAndCheckUpdate(false);

    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]).toEqual([expect.stringContaining(UPDATE_URL)]);
    // Give any stray fetch or install the time it would need.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(browser.permissions.request).not.toHaveBeenCalled();
    expect(byTestId(container, 'import-preview')).toBeNull();
    expect(byTestId(card(), 'pack-version')?.textContent).toBe('Version 1.0.0');
    const stored = await new PackStore(getDatabase()).get('org.example.update-test');
    expect(stored?.current.pack.version).toBe('1.0.0');
    expect(stored?.previous).toBeNull();
  });

  it('confirming fetches the address, previews the update and installs it', async () => {
    const confirm = await renderAndCheckUpdate(true);

    expect(confirm).toHaveBeenCalledTimes(1);
    await waitForView(() => expect(byTestId(container, 'confirm-install')).not.toBeNull());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(UPDATE_URL);
    // Nothing is installed before the preview's own "Install".
    expect(
      (await new PackStore(getDatabase()).get('org.example.update-test'))?.current.pack.version,
    ).toBe('1.0.0');

    await act(async () => byTestId(container, 'confirm-install')?.click());
    await waitForView(() =>
      expect(byTestId(card(), 'pack-version')?.textContent).toBe('Version 1.1.0'),
    );
    const stored = await new PackStore(getDatabase()).get('org.example.update-test');
    expect(stored?.current.pack.version).toBe('1.1.0');
    expect(stored?.current.source).toEqual({ kind: 'url', url: UPDATE_URL });
    expect(stored?.previous?.pack.version).toBe('1.0.0');
  });
});
