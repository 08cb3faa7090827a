/**
 * What team sync needs from the team database, as one narrow interface: the
 * push and pull logic (lib/team/push.ts, pull.ts) is written against it, the
 * CouchDB client (lib/team/couch-client.ts) provides it, and tests can hand
 * in the client pointed at the in-process test server.
 */
export interface TeamDocResult {
  id: string;
  status: 'ok' | 'exists' | 'forbidden' | 'error';
  reason?: string;
}

export interface TeamChange {
  id: string;
  rev: string;
  deleted?: boolean;
}

export interface TeamServer {
  session(): Promise<{ name: string | null; roles: string[] }>;
  databaseInfo(): Promise<unknown>;
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  createDocs(docs: readonly Record<string, unknown>[]): Promise<TeamDocResult[]>;
  changes(
    since: string | number | null,
    limit: number,
  ): Promise<{ results: TeamChange[]; lastSeq: string | number }>;
  getDocs(ids: readonly string[]): Promise<(Record<string, unknown> | null)[]>;
  getAttachmentText(id: string, name: string): Promise<string>;
}

export interface TeamCredentials {
  url: string;
  user: string;
  password: string;
}

export type OpenTeamServer = (credentials: TeamCredentials) => TeamServer;

/** Entries read from the change feed per request. */
const CHANGES_PAGE = 500;

/**
 * Every document the change feed lists after `since`, with its newest
 * revision (null: deleted), and where the feed ended. Sequence values are
 * opaque: passed back as the server gave them.
 */
export async function readChanges(
  server: Pick<TeamServer, 'changes'>,
  since: string | number | null,
): Promise<{ revs: Map<string, string | null>; lastSeq: string | number | null }> {
  const revs = new Map<string, string | null>();
  let cursor = since;
  for (;;) {
    const page = await server.changes(cursor, CHANGES_PAGE);
    for (const change of page.results) revs.set(change.id, change.deleted ? null : change.rev);
    const moved = page.lastSeq !== cursor;
    cursor = page.lastSeq;
    if (page.results.length < CHANGES_PAGE || !moved) return { revs, lastSeq: cursor };
  }
}
