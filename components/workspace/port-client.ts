/**
 * The workspace's end of the port to the bound tab's content script
 * (lib/workspace/protocol.ts; docs/ARCHITECTURE.md#message-protocol).
 *
 * Lifecycle: `createPortClient` connects at once. Every incoming message is
 * parsed with the protocol's schemas; what does not parse is dropped. When
 * the port disconnects (content script reloaded, navigation, or no content
 * script in the tab at all) the client connects again after a growing delay
 * and keeps trying until `close()`. The state is `connecting` until the
 * first snapshot of a connection arrives, `connected` from then on, and
 * `unreachable` once two attempts in a row ended without a snapshot (the
 * page needs a reload, or the tab shows no Facebook group). Commands still
 * waiting for their `result` fail when their port goes away or time out.
 */
import type {
  ContentToWorkspace,
  InsertOutcome,
  PostStatus,
  WorkspaceToContent,
} from '../../lib/workspace/protocol';
import {
  contentToWorkspaceSchema,
  WORKSPACE_PORT,
  workspaceToContentSchema,
} from '../../lib/workspace/protocol';

interface EventLike<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/** The part of `runtime.Port` the client uses, so tests can pass a fake. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: EventLike<(message: unknown) => void>;
  onDisconnect: EventLike<() => void>;
}

/** Opens a port to the content script of a tab (`browser.tabs.connect` in the page). */
export type ConnectPort = (tabId: number, options: { name: string }) => PortLike;

export type ConnectionState = 'connecting' | 'connected' | 'unreachable' | 'closed';

export type Snapshot = Extract<ContentToWorkspace, { type: 'snapshot' }>;

export interface PortClientListeners {
  onState(state: ConnectionState): void;
  onSnapshot(snapshot: Snapshot): void;
  /** The advisor pressed a post's marker, or a comment's myth flag, on the page. */
  onSelect(postKey: string, commentKey?: string): void;
}

export interface PortClient {
  /** Scrolls the page to the post and highlights it; false when the page did not find it. */
  focus(postKey: string): Promise<boolean>;
  /**
   * Puts the text into the post's comment box, or with `commentKey` into that
   * comment's reply box; never throws, the outcome says what happened.
   */
  insert(postKey: string, text: string, commentKey?: string): Promise<InsertOutcome>;
  sendStatuses(statuses: Record<string, PostStatus>): void;
  /** The advisor answered this comment with its correction: the flag on the page says so. */
  sendCorrected(postKey: string, commentKey: string): void;
  /** Connects again now (the tab navigated), keeping the listeners. */
  reconnect(): void;
  close(): void;
}

/** Delays before the 1st, 2nd, … reconnection attempt; the last one repeats. */
export const RETRY_DELAYS_MS = [250, 1000, 2000, 5000] as const;
/** Attempts in a row without a snapshot before the content script counts as unreachable. */
export const UNREACHABLE_AFTER_ATTEMPTS = 2;
/**
 * How long a command may take before the workspace says the page did not
 * answer. Inserting opens the comment box and waits for Lexical; in a tab the
 * browser has put in the background (the workspace opened as its own tab)
 * timers are throttled, so this leaves room for that.
 */
export const COMMAND_TIMEOUT_MS = 20_000;

/** Reasons of a failed insert the workspace itself produces (the view translates them). */
export const INSERT_FAILURE = { notConnected: 'not-connected', timeout: 'timeout' } as const;

type ResultOf = Extract<ContentToWorkspace, { type: 'result' }>['result'];

interface Waiting {
  resolve(result: ResultOf | null): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createPortClient(
  tabId: number,
  connect: ConnectPort,
  listeners: PortClientListeners,
): PortClient {
  let port: PortLike | null = null;
  let state: ConnectionState | null = null;
  let failedAttempts = 0;
  let gotSnapshot = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let nextRequestId = 1;
  const waiting = new Map<number, Waiting>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    listeners.onState(next);
  };

  const settleAll = () => {
    for (const [id, entry] of waiting) {
      clearTimeout(entry.timer);
      entry.resolve(null);
      waiting.delete(id);
    }
  };

  const onMessage = (raw: unknown) => {
    const parsed = contentToWorkspaceSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'snapshot') {
      gotSnapshot = true;
      failedAttempts = 0;
      setState('connected');
      listeners.onSnapshot(message);
    } else if (message.type === 'select') {
      listeners.onSelect(message.postKey, message.commentKey);
    } else {
      const entry = waiting.get(message.requestId);
      if (!entry) return;
      waiting.delete(message.requestId);
      clearTimeout(entry.timer);
      entry.resolve(message.result);
    }
  };

  const detach = () => {
    if (!port) return;
    port.onMessage.removeListener(onMessage);
    port.onDisconnect.removeListener(onDisconnect);
    port = null;
  };

  function onDisconnect() {
    detach();
    settleAll();
    if (closed) return;
    if (!gotSnapshot) failedAttempts += 1;
    setState(failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS ? 'unreachable' : 'connecting');
    scheduleRetry();
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    const index = Math.min(Math.max(failedAttempts - 1, 0), RETRY_DELAYS_MS.length - 1);
    retryTimer = setTimeout(open, RETRY_DELAYS_MS[index]);
  }

  function open() {
    if (closed) return;
    detach();
    gotSnapshot = false;
    if (state !== 'unreachable') setState('connecting');
    try {
      const opened = connect(tabId, { name: WORKSPACE_PORT });
      port = opened;
      opened.onMessage.addListener(onMessage);
      opened.onDisconnect.addListener(onDisconnect);
    } catch {
      // The tab is gone or cannot take connections; treated like a disconnect.
      onDisconnect();
    }
  }

  const post = (message: WorkspaceToContent): boolean => {
    if (!port || !workspaceToContentSchema.safeParse(message).success) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      return false;
    }
  };

  const command = (
    build: (requestId: number) => WorkspaceToContent,
  ): Promise<ResultOf | 'not-sent' | 'no-answer'> => {
    const requestId = nextRequestId++;
    if (!post(build(requestId))) return Promise.resolve('not-sent');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(requestId);
        resolve('no-answer');
      }, COMMAND_TIMEOUT_MS);
      waiting.set(requestId, {
        timer,
        resolve: (result) => resolve(result ?? 'no-answer'),
      });
    });
  };

  open();

  return {
    async focus(postKey) {
      const result = await command((requestId) => ({ type: 'focus', requestId, postKey }));
      return typeof result === 'object' && result.command === 'focus' && result.found;
    },
    async insert(postKey, text, commentKey) {
      const result = await command((requestId) =>
        commentKey === undefined
          ? { type: 'insert', requestId, postKey, text }
          : { type: 'insert', requestId, postKey, commentKey, text },
      );
      if (typeof result === 'object' && result.command === 'insert') return result.outcome;
      return {
        status: 'failed',
        reason: result === 'not-sent' ? INSERT_FAILURE.notConnected : INSERT_FAILURE.timeout,
      };
    },
    sendStatuses(statuses) {
      post({ type: 'statuses', statuses });
    },
    sendCorrected(postKey, commentKey) {
      post({ type: 'corrected', postKey, commentKey });
    },
    reconnect() {
      if (closed) return;
      clearTimeout(retryTimer);
      failedAttempts = 0;
      if (port) {
        const old = port;
        detach();
        settleAll();
        old.disconnect();
      }
      setState('connecting');
      open();
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      const old = port;
      detach();
      settleAll();
      old?.disconnect();
      setState('closed');
    },
  };
}
