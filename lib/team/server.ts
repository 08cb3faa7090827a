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
