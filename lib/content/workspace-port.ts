/**
 * The content script's end of the workspace channel (lib/workspace/protocol.ts,
 * docs/ARCHITECTURE.md#workspace). The workspace page connects with
 * `tabs.connect`; only extension contexts can, so a page script never
 * reaches this. Every message in is parsed with the protocol's schema; what
 * does not fit is dropped.
 *
 * The server outlives page sessions (group → group navigation): each
 * session hands it its current posts with `setSource`, and a fresh snapshot
 * goes to every connected workspace after each change (debounced).
 */
import { browser, type Browser } from 'wxt/browser';
import {
  contentToWorkspaceSchema,
  MAX_SNAPSHOT_POSTS,
  WORKSPACE_PORT,
  workspaceToContentSchema,
  type ContentToWorkspace,
  type InsertOutcome,
  type PostStatus,
  type WorkspacePage,
  type WorkspacePost,
} from '../workspace/protocol';

const SNAPSHOT_DELAY_MS = 150;

/** What the current page session offers the workspace. */
export interface WorkspaceSource {
  page: WorkspacePage;
  posts(): WorkspacePost[];
  focus(postKey: string): boolean;
  /** Into the post's comment box, or with `commentKey` into that comment's reply box. */
  insert(postKey: string, text: string, commentKey?: string): Promise<InsertOutcome>;
  setStatuses(statuses: Readonly<Record<string, PostStatus>>): void;
  /** A comment was answered with its myth correction (its flag says so). */
  markCorrected(postKey: string, commentKey: string): void;
}

export interface WorkspaceServer {
  setSource(source: WorkspaceSource | null): void;
  /** Something in the posts changed: send a new snapshot soon. */
  changed(): void;
  /** A person pressed a marker or a comment's flag; false when no workspace is connected. */
  select(postKey: string, commentKey?: string): boolean;
  connected(): boolean;
}

type Port = Browser.runtime.Port;

export function createWorkspaceServer(signal: AbortSignal): WorkspaceServer {
  const ports = new Set<Port>();
  let source: WorkspaceSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (port: Port, message: ContentToWorkspace) => {
    // Validate on the way out too: the same limits on both sides of the boundary.
    const checked = contentToWorkspaceSchema.safeParse(message);
    if (!checked.success) return;
    try {
      port.postMessage(checked.data);
    } catch {
      ports.delete(port); // disconnected meanwhile
    }
  };

  const snapshot = (): ContentToWorkspace => ({
    type: 'snapshot',
    page: source?.page ?? {
      url: location.href,
      kind: 'other',
      groupId: null,
      groupName: null,
      included: false,
    },
    posts: source && source.page.included ? source.posts().slice(-MAX_SNAPSHOT_POSTS) : [],
  });

  const sendSnapshot = () => {
    timer = undefined;
    if (ports.size === 0) return;
    const message = snapshot();
    for (const port of ports) post(port, message);
  };

  const handle = async (port: Port, raw: unknown) => {
    const parsed = workspaceToContentSchema.safeParse(raw);
    if (!parsed.success || !source) return;
    const message = parsed.data;
    switch (message.type) {
      case 'focus':
        post(port, {
          type: 'result',
          requestId: message.requestId,
          result: { command: 'focus', found: source.focus(message.postKey) },
        });
        break;
      case 'insert': {
        const outcome = await source.insert(message.postKey, message.text, message.commentKey);
        post(port, {
          type: 'result',
          requestId: message.requestId,
          result: { command: 'insert', outcome },
        });
        break;
      }
      case 'statuses':
        source.setStatuses(message.statuses);
        break;
      case 'corrected':
        source.markCorrected(message.postKey, message.commentKey);
        break;
    }
  };

  const onConnect = (port: Port) => {
    if (port.name !== WORKSPACE_PORT) return;
    // Only this extension's pages can connect to a content script; check anyway.
    if (port.sender?.id !== undefined && port.sender.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onMessage.addListener((raw: unknown) => {
      void handle(port, raw);
    });
    port.onDisconnect.addListener(() => ports.delete(port));
    post(port, snapshot());
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of ports) port.disconnect();
      ports.clear();
    },
    { once: true },
  );

  return {
    setSource(next) {
      source = next;
      this.changed();
    },
    changed() {
      if (ports.size === 0 || timer !== undefined) return;
      timer = setTimeout(sendSnapshot, SNAPSHOT_DELAY_MS);
    },
    select(postKey, commentKey) {
      if (ports.size === 0) return false;
      const message: ContentToWorkspace =
        commentKey === undefined
          ? { type: 'select', postKey }
          : { type: 'select', postKey, commentKey };
      for (const port of ports) post(port, message);
      return true;
    },
    connected: () => ports.size > 0,
  };
}
