// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { createOverlayI18n } from '../../lib/content/overlay-strings';
import { createPostStore } from '../../lib/content/post-store';
import { Overlay } from './overlay';
import { OverlayI18nProvider } from './overlay-i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('Overlay', () => {
  it('expands with the keyboard-reachable toggle and shows the analysis', async () => {
    const store = createPostStore();
    const post = {
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
    store.upsert(post);
    store.setAnalysis(
      'fb:1',
      { postKey: 'fb:1', language: 'pl', confidence: 0.9, isQuestion: true },
      'Czy?',
    );
    const i18n = createOverlayI18n('en');
    const container = document.createElement('div');
    document.body.append(container);
    const actions = {
      insertReply: vi.fn(),
      copyText: vi.fn(),
      reportAction: vi.fn(),
      setOverlayData: vi.fn(),
      suggest: vi.fn(),
      recordFeedback: vi.fn(),
      loadCaseNote: vi.fn(),
      logCaseNote: vi.fn(),
    };
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <OverlayI18nProvider i18n={i18n}>
          <Overlay postKey="fb:1" store={store} actions={actions} panels={[]} />
        </OverlayI18nProvider>,
      ),
    );
    const toggle = container.querySelector('button');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle?.click());
    expect(container.querySelector('[data-testid="overlay-language"]')?.textContent).toBe(
      'Polish (90 % sure)',
    );
    expect(actions.reportAction).toHaveBeenCalledWith('overlay-opened');
  });
});
