/**
 * Fakes for the workspace's tests: a port that records what the workspace
 * sends and lets a test speak as the content script, actions that record
 * what the workspace asks the background, and sample posts and suggestions.
 */
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { createI18n } from '../../lib/i18n/i18n';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { WorkspacePost } from '../../lib/workspace/protocol';
import type { WorkspaceActions } from './actions';
import type { ConnectPort, PortLike } from './port-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Listener<T extends unknown[]> = (...args: T) => void;

function event<T extends unknown[]>() {
  const listeners = new Set<Listener<T>>();
  return {
    addListener: (listener: Listener<T>) => void listeners.add(listener),
    removeListener: (listener: Listener<T>) => void listeners.delete(listener),
    emit: (...args: T) => [...listeners].forEach((listener) => listener(...args)),
    get size() {
      return listeners.size;
    },
  };
}

export interface FakePort extends PortLike {
  sent: unknown[];
  /** The content script speaks. */
  receive(message: unknown): void;
  /** The content script went away. */
  drop(): void;
  disconnected: boolean;
}

export function fakePort(): FakePort {
  const onMessage = event<[unknown]>();
  const onDisconnect = event<[]>();
  const port: FakePort = {
    sent: [],
    disconnected: false,
    postMessage: (message) => void port.sent.push(message),
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage,
    onDisconnect,
    receive: (message) => onMessage.emit(message),
    drop: () => {
      port.disconnected = true;
      onDisconnect.emit();
    },
  };
  return port;
}

/** A `connect` that hands out a new fake port per call and remembers them. */
export function fakeConnect() {
  const ports: FakePort[] = [];
  const connect = vi.fn<ConnectPort>(() => {
    const port = fakePort();
    ports.push(port);
    return port;
  });
  return { connect, ports, last: () => ports[ports.length - 1] };
}

export function samplePost(overrides: Partial<WorkspacePost> = {}): WorkspacePost {
  return {
    postKey: 'fb:1',
    groupId: 'g1',
    groupName: 'Polacy w Niemczech',
    authorName: 'Jan K.',
    anonymous: false,
    text: 'Pracodawca nie zapłacił mi za dwa miesiące. Co mam zrobić?',
    truncated: false,
    timeLabel: '3 h',
    analysis: { language: 'pl', confidence: 0.9, isQuestion: true },
    order: 0,
    onPage: true,
    claims: [],
    ...overrides,
  };
}

export function sampleSuggestion(overrides: Partial<SuggestionPayload> = {}): SuggestionPayload {
  return {
    answerId: 'unpaid-wages-claim',
    packId: 'eu.example.pack',
    packVersion: '2026.1.1',
    packTitle: 'Example pack',
    topic: 'unpaid-wages',
    kind: 'answer',
    score: 0.93,
    level: 'likely',
    matchedTerms: ['zapłacił'],
    fallback: false,
    reply: { language: 'pl', title: 'Niezapłacona pensja', body: 'Napisz do nas w {city}.' },
    translation: { language: 'en', title: 'Unpaid wages', body: 'Write to us in {city}.' },
    placeholders: ['city'],
    links: [],
    review: {
      status: 'approved',
      reviewer: 'RA Beispiel',
      reviewedAt: '2026-01-10',
      validUntil: '2027-12-31',
      legalBasis: ['§ 611a BGB'],
    },
    exampleContent: false,
    reviewed: true,
    expired: false,
    signature: { status: 'trusted', signer: 'Example' },
    ...overrides,
  };
}

/** Every action a `vi.fn`; `overrides` replace some (then those are not mocks). */
export function fakeActions(overrides: Partial<WorkspaceActions> = {}) {
  const actions = {
    suggest: vi.fn<WorkspaceActions['suggest']>((request) =>
      Promise.resolve({
        answerCount: 10,
        results: request.posts.map((post) => ({
          postKey: post.postKey,
          language: 'pl' as const,
          topic: 'unpaid-wages' as const,
          topicLabel: 'Unpaid wages',
          suggestions: [
            sampleSuggestion(),
            sampleSuggestion({
              answerId: 'sick-leave-basics',
              level: 'possible',
              topic: 'sick-leave',
              reply: { language: 'pl', title: 'Zwolnienie lekarskie', body: 'Zwolnienie.' },
              translation: { language: 'en', title: 'Sick leave', body: 'Sick leave.' },
              placeholders: [],
            }),
          ],
        })),
      }),
    ),
    search: vi.fn<WorkspaceActions['search']>(() => Promise.resolve([])),
    logEvents: vi.fn<WorkspaceActions['logEvents']>(() => Promise.resolve()),
    recordFeedback: vi.fn<WorkspaceActions['recordFeedback']>(() => Promise.resolve()),
    loadCaseNote: vi.fn<WorkspaceActions['loadCaseNote']>(() => Promise.resolve(null)),
    loadStatuses: vi.fn<WorkspaceActions['loadStatuses']>((keys) =>
      Promise.resolve(Object.fromEntries(keys.map((key) => [key, 'open' as const]))),
    ),
    takeSelection: vi.fn<WorkspaceActions['takeSelection']>(() => Promise.resolve(null)),
    claimCorrection: vi.fn<WorkspaceActions['claimCorrection']>(() =>
      Promise.resolve({ suggestion: null, statement: null }),
    ),
    copyText: vi.fn<WorkspaceActions['copyText']>(() => Promise.resolve(true)),
    listReferrals: vi.fn<WorkspaceActions['listReferrals']>(() => Promise.resolve([])),
    loadGroupSpikes: vi.fn<WorkspaceActions['loadGroupSpikes']>(() => Promise.resolve([])),
    loadColleagueMarks: vi.fn<WorkspaceActions['loadColleagueMarks']>(() => Promise.resolve([])),
    getSettings: vi.fn<WorkspaceActions['getSettings']>(() => Promise.resolve(DEFAULT_SETTINGS)),
    watchSettings: vi.fn<WorkspaceActions['watchSettings']>(() => () => undefined),
  } satisfies WorkspaceActions;
  Object.assign(actions, overrides);
  return actions;
}

let i18nPromise: Promise<I18n> | null = null;

export async function renderInI18n(node: ReactNode) {
  i18nPromise ??= createI18n('en');
  const i18n = await i18nPromise;
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
  });
  return {
    container,
    unmount: async () => {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

/** Lets promises and effects settle inside act(). */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** Presses a key where focus is, as a browser would dispatch it (bubbling to the document). */
export async function press(key: string, init: KeyboardEventInit = {}): Promise<void> {
  const target = document.activeElement ?? document.body;
  await act(async () => {
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
    );
  });
}

/** Types into an input or textarea the way React notices. */
export async function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T | null {
  return root.querySelector<T>(`[data-testid="${id}"]`);
}
