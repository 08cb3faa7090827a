/**
 * A CouchDB-compatible server for tests, the bench and trying team sync by
 * hand (docs/TEAM-SYNC.md#trying-it-locally): express-pouchdb in
 * `fullCouchDB` mode over PouchDB's memory adapter, listening on 127.0.0.1
 * at a free port. It speaks the parts of CouchDB's HTTP API team sync uses:
 * `_session`, `_users`, `_security`, design documents with
 * `validate_doc_update`, `_bulk_docs`, `_all_docs`, `_changes` and
 * attachments. (It crashes on `_selector` change filters, so nothing here or
 * in lib/team may use them; long-running change feeds are refused, see below.)
 *
 * Lifecycle: `startCouchTestServer()` creates a server admin through
 * `_config` (so the server leaves "admin party" before anyone else can
 * write); `stop()` ends express-pouchdb's daemons, closes every socket (a
 * longpoll `_changes` would otherwise keep vitest or Playwright from
 * exiting) and removes the temp directory that held the server's log; the
 * data lives in memory only and goes with the server.
 *
 * Test-only: the extension never imports this (PouchDB stays out of the
 * bundle); lib/team/couch-client.ts is what the extension uses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CouchCredentials {
  username: string;
  password: string;
}

export interface CouchTestServer {
  /** The server root, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  /** The server admin created at start. */
  admin: CouchCredentials;
  /** The address of database `name` on this server (not created by this call). */
  databaseUrl(name: string): string;
  /** Creates (or replaces) a user in `_users` with these roles. */
  addUser(name: string, password: string, roles: readonly string[]): Promise<void>;
  /**
   * Stops listening and drops open connections but keeps the data, so a test
   * can have the server "down" for a while (requests fail as unreachable).
   */
  suspend(): Promise<void>;
  /** Listens again on the same port after `suspend()`. */
  resume(): Promise<void>;
  /** Stops listening, closes open connections and drops the in-memory data. */
  stop(): Promise<void>;
}

export interface CouchTestServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The server admin; by default `admin` with a random password. */
  admin?: CouchCredentials;
}

/** The few members of PouchDB's constructor the server uses (pouchdb-core ships no types). */
interface PouchStatic {
  plugin(plugin: unknown): PouchStatic;
  defaults(options: Record<string, unknown>): PouchStatic;
}

type ExpressPouchApp = ((request: IncomingMessage, response: ServerResponse) => void) & {
  setPouchDB(pouch: PouchStatic): Promise<unknown>;
  daemonManager: { stop(pouch: PouchStatic): Promise<unknown> };
};
type ExpressPouchFactory = (options: Record<string, unknown>) => ExpressPouchApp;

const require = createRequire(import.meta.url);

/**
 * PouchDB keeps process-wide state in its modules (one event emitter for
 * every PouchDB class, memdown's store, the plugins express-pouchdb installs
 * on the class it is given), so two servers loaded from the same modules
 * would see each other's databases and daemons. Each server therefore loads
 * its own copy: the cached modules are dropped before loading. The copy
 * becomes garbage once its server has stopped.
 */
const POUCH_MODULE =
  /[\\/]node_modules[\\/](?:pouchdb[^\\/]*|express-pouchdb|memdown|sublevel-pouchdb)[\\/]/;

function loadFreshPouch(): { pouch: PouchStatic; expressPouch: ExpressPouchFactory } {
  for (const key of Object.keys(require.cache)) {
    // require.cache is a dictionary keyed by file path: deleting by key is how it is emptied.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    if (POUCH_MODULE.test(key)) delete require.cache[key];
  }
  const pouch = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'))
    .defaults({ adapter: 'memory' });
  return { pouch, expressPouch: require('express-pouchdb') as ExpressPouchFactory };
}

function basicAuth({ username, password }: CouchCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  throw new Error(`Test CouchDB: ${what} failed with ${response.status}: ${await response.text()}`);
}

export async function startCouchTestServer(
  options: CouchTestServerOptions = {},
): Promise<CouchTestServer> {
  const logDir = await mkdtemp(join(tmpdir(), 'oa-couch-'));
  const { pouch, expressPouch } = loadFreshPouch();
  const app = expressPouch({
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(logDir, 'couch.log'),
  });
  // Set here rather than passed in, so its daemons have started before the first request.
  await app.setPouchDB(pouch);

  const server: Server = createServer((request, response) => {
    // express-pouchdb leaves the heartbeat timer of an abandoned long-running
    // change feed running forever, which keeps the process alive after
    // stop(); lib/team reads `_changes` in plain batches, so refuse them.
    if (/\/_changes\?(?:.*&)?feed=(?:longpoll|continuous|eventsource)/.test(request.url ?? '')) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: 'bad_request',
          reason: 'The test server does not serve long-running change feeds.',
        }),
      );
      return;
    }
    app(request, response);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin = options.admin ?? { username: 'admin', password: randomBytes(12).toString('hex') };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await close();
    await app.daemonManager.stop(pouch);
    await rm(logDir, { recursive: true, force: true });
  };

  try {
    // Leaving admin party: from here on only this admin may create databases.
    await expectOk(
      await fetch(`${url}/_config/admins/${encodeURIComponent(admin.username)}`, {
        method: 'PUT',
        body: JSON.stringify(admin.password),
      }),
      'creating the server admin',
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    admin,
    databaseUrl: (name) => `${url}/${encodeURIComponent(name)}`,
    async addUser(name, password, roles) {
      const headers = { authorization: basicAuth(admin), 'content-type': 'application/json' };
      const address = `${url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
      const existing = await fetch(address, { headers });
      const rev = existing.ok ? ((await existing.json()) as { _rev?: string })._rev : undefined;
      if (!existing.ok) await existing.body?.cancel();
      await expectOk(
        await fetch(address, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            _id: `org.couchdb.user:${name}`,
            ...(rev ? { _rev: rev } : {}),
            name,
            password,
            roles: [...roles],
            type: 'user',
          }),
        }),
        `creating user ${name}`,
      );
    },
    async suspend() {
      if (!stopped) await close();
    },
    async resume() {
      if (stopped) throw new Error('Test CouchDB: the server was stopped; start a new one.');
      if (!server.listening) await listen(port);
    },
    stop,
  };
}
