// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type {
  CaseNoteProgress,
  OverlayPanelActions,
  PanelStateStore,
} from '../../../lib/content/overlay-contract';
import { createOverlayI18n } from '../../../lib/content/overlay-strings';
import type { ParsedPost } from '../../../lib/sites/types';
import { OverlayI18nProvider } from '../overlay-i18n';
import { CaseNotePanel } from './case-note';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const post: ParsedPost = {
  postKey: 'fb:1',
  postId: '1',
  groupId: 'g',
  groupName: null,
  authorName: 'A',
  anonymous: false,
  text: 'Czy?',
  truncated: false,
  permalink: null,
  timeLabel: null,
  uiLanguage: 'en',
  fingerprint: 'f',
};

function fakeActions(overrides: Partial<OverlayPanelActions> = {}): OverlayPanelActions {
  return {
    insertReply: vi.fn(),
    copyText: vi.fn(),
    reportAction: vi.fn(),
    setOverlayData: vi.fn(),
    suggest: vi.fn(),
    recordFeedback: vi.fn(),
    loadCaseNote: vi.fn(() => Promise.resolve(null)),
    logCaseNote: vi.fn(),
    ...overrides,
  };
}

function memoryPanelState(): PanelStateStore {
  const values = new Map<string, unknown>();
  return {
    get: <T,>(key: string) => values.get(key) as T | undefined,
    set: values.set.bind(values),
  };
}

async function render(actions: OverlayPanelActions) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <OverlayI18nProvider i18n={createOverlayI18n('en')}>
        <CaseNotePanel
          post={post}
          analysis={null}
          actions={actions}
          panelState={memoryPanelState()}
        />
      </OverlayI18nProvider>,
    ),
  );
  const status = () => container.querySelector('[data-testid="case-note-status"]')?.textContent;
  return { container, status };
}

describe('CaseNotePanel (through its actions only)', () => {
  it('shows a note the background already has as saved', async () => {
    const actions = fakeActions({
      loadCaseNote: vi.fn(() =>
        Promise.resolve({ outcome: 'referred' as const, note: 'x', referredTo: null, updatedAt: 1 }),
      ),
    });
    const { container, status } = await render(actions);
    expect(actions.loadCaseNote).toHaveBeenCalledOnce();
    expect(
      container.querySelector<HTMLInputElement>('[data-testid="case-outcome-referred"]')?.checked,
    ).toBe(true);
    expect(status()).toBe('Saved in your log.');
  });

  it('logs the trimmed note, reports the action, and follows the queue to "saved"', async () => {
    let progress: ((p: CaseNoteProgress) => void) | undefined;
    const actions = fakeActions({
      logCaseNote: vi.fn((_entry, onProgress) => {
        progress = onProgress;
      }),
    });
    const { container, status } = await render(actions);
    await act(async () =>
      container.querySelector<HTMLInputElement>('[data-testid="case-outcome-informed"]')?.click(),
    );
    const textarea = container.querySelector<HTMLTextAreaElement>('[data-testid="case-note-text"]');
    await act(async () => {
      if (!textarea) return;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
        textarea,
        '  short note  ',
      );
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () =>
      container.querySelector<HTMLButtonElement>('[data-testid="case-note-save"]')?.click(),
    );
    expect(actions.logCaseNote).toHaveBeenCalledWith(
      { outcome: 'informed', note: 'short note' },
      expect.any(Function),
    );
    expect(actions.reportAction).toHaveBeenCalledWith('case-documented', { outcome: 'informed' });
    expect(status()).toBe('Saving…');

    await act(async () => progress?.({ status: 'error', message: 'offline' }));
    expect(status()).toBe('Not saved yet, will retry: offline');
    await act(async () => progress?.({ status: 'saved' }));
    expect(status()).toBe('Saved in your log.');
  });
});
