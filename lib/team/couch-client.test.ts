import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchTestServer } from '../../tests/support/couch-test-server';
import { startCouchTestServer } from '../../tests/support/couch-test-server';
import {
  CouchClient,
  KEYS_PER_REQUEST,
  MAX_JSON_RESPONSE_BYTES,
  TeamSyncError,
} from './couch-client';
import { setupTeamDatabase } from './design';
import { BATCH_ATTACHMENT, buildBatchDoc, teamDocId } from './documents';

let server: CouchTestServer;
let dbUrl: string;
const PASSWORD = 'anna-secret-pw';

beforeAll(async () => {
  server = await startCouchTestServer();
  dbUrl = server.databaseUrl('team');
  await setupTeamDatabase(new CouchClient(dbUrl, server.admin));
  await server.addUser('anna', PASSWORD, ['advisor']);
}, 30_000);

afterAll(async () => {
  await server.stop();
});

const anna = () => new CouchClient(dbUrl, { username: 'anna', password: PASSWORD });
const admin = () => new CouchClient(dbUrl, server.admin);
const sum = (n: number) => n.toString(16).padStart(64, '0');
const batch = (n: number, text = `{"n":${n}}`) =>
  buildBatchDoc(
    'anna',
    {
      advisor: 'A-1',
      checksum: sum(n),
      keyId: null,
      eventCount: 1,
      range: { from: null, to: null },
    },
    text,
    '2026-09-01T10:00:00.000Z',
  );

async function failure(promise: Promise<unknown>): Promise<TeamSyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TeamSyncError) return error;
    throw error;
  }
  throw new Error('expected a TeamSyncError');
}

/** A fetch that answers every request with `response()`. */
const answering =
  (response: () => Response): typeof fetch =>
  () =>
    Promise.resolve(response());

describe('CouchClient against the test server', () => {
  it('tells who is logged in and where the server root is', async () => {
    const client = anna();
    expect(client.serverUrl).toBe(server.url);
    expect(client.databaseName).toBe('team');
    expect(await client.session()).toEqual({ name: 'anna', roles: ['advisor'] });
    expect((await client.databaseInfo()).db_name).toBe('team');
  });

  it('creates documents once and reports the second try as existing', async () => {
    const docs = [batch(1), batch(2)];
    expect(await anna().createDocs(docs)).toEqual([
      { id: docs[0]?._id, status: 'ok' },
      { id: docs[1]?._id, status: 'ok' },
    ]);
    expect(await anna().createDocs([batch(1), batch(3)])).toEqual([
      { id: teamDocId('anna', 'batch', sum(1)), status: 'exists' },
      { id: teamDocId('anna', 'batch', sum(3)), status: 'ok' },
    ]);
  });

  it('reports a refused document as forbidden, not as existing', async () => {
    const doc = { ...batch(4), user: 'ben' };
    const [result] = await anna().createDocs([doc]);
    expect(result).toMatchObject({ id: doc._id, status: 'forbidden' });
    expect(result?.reason).toMatch(/author/);
  });

  it('finds existing ids across several requests, deleted documents included', async () => {
    const docs = Array.from({ length: 30 }, (_, index) => batch(100 + index));
    await anna().createDocs(docs);
    const erased = await admin().getDoc(docs[0]?._id ?? '');
    await admin().putDocument({ ...erased, _deleted: true });
    const asked = [
      ...docs.map((doc) => doc._id),
      ...Array.from({ length: KEYS_PER_REQUEST + 10 }, (_, index) =>
        teamDocId('anna', 'batch', sum(5000 + index)),
      ),
    ];
    const found = await anna().existingIds(asked);
    expect([...found].sort()).toEqual(docs.map((doc) => doc._id).sort());
  });

  it('pages through changes with the sequence exactly as the server gave it', async () => {
    const seen: string[] = [];
    let since: string | number | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: Awaited<ReturnType<CouchClient['changes']>> = await anna().changes(since, 7);
      expect(page.results.length).toBeLessThanOrEqual(7);
      seen.push(...page.results.map((change) => change.id));
      if (page.results.length === 0) break;
      expect(page.lastSeq).not.toBe(since);
      since = page.lastSeq;
    }
    expect(seen).toContain(teamDocId('anna', 'batch', sum(1)));
    expect(seen).toContain('_design/outreach-advisor');
    expect(new Set(seen).size).toBe(seen.length);
    const [first] = (await anna().changes(null, 1)).results;
    expect(first?.rev).toMatch(/^\d+-/);
  });

  it('returns documents in the order asked, null for missing and deleted ones', async () => {
    const ids = [
      teamDocId('anna', 'batch', sum(2)),
      teamDocId('anna', 'batch', sum(9999)),
      teamDocId('anna', 'batch', sum(100)),
      teamDocId('anna', 'batch', sum(1)),
    ];
    const docs = await anna().getDocs(ids);
    expect(docs.map((doc) => doc?._id ?? null)).toEqual([ids[0], null, null, ids[3]]);
    expect(docs[0]?._rev).toMatch(/^1-/);
  });

  it('returns an attachment’s text exactly, BOM and non-ASCII letters included', async () => {
    const text = '\uFEFF{"advisor":"Łucja Żółć 👋"}\r\n';
    const doc = batch(7, text);
    await anna().createDocs([doc]);
    expect(await anna().getAttachmentText(doc._id, BATCH_ATTACHMENT)).toBe(text);
  });

  it('says plainly when the database does not exist', async () => {
    const error = await failure(
      new CouchClient(server.databaseUrl('nowhere'), server.admin).databaseInfo(),
    );
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`${server.url}/nowhere`);
  });

  it('refuses a wrong password without repeating it', async () => {
    const error = await failure(
      new CouchClient(dbUrl, { username: 'anna', password: 'wrong-pw-123' }).session(),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe(
      `The CouchDB server at ${server.url} refused the user name or password of "anna" while checking the user name and password.`,
    );
    expect(error.message).not.toContain('wrong-pw-123');
  });

  it('says the server cannot be reached while it is down', async () => {
    await server.suspend();
    try {
      const error = await failure(anna().databaseInfo());
      expect(error.code).toBe('unreachable');
      expect(error.message).toBe(
        `The team database at ${dbUrl} cannot be reached while opening the database: check the address and the network connection.`,
      );
    } finally {
      await server.resume();
    }
    expect((await anna().databaseInfo()).db_name).toBe('team');
  });

  it('runs the admin calls setup needs, and setup refuses a non-admin', async () => {
    const client = new CouchClient(server.databaseUrl('another'), server.admin);
    expect(await client.createDatabase()).toBe(true);
    expect(await client.createDatabase()).toBe(false);
    expect(await client.putUser('carl', 'carl-pw', ['advisor'])).toBe('created');
    expect(await client.putUser('carl', 'carl-pw-2', ['supervisor'])).toBe('updated');
    const carl = new CouchClient(dbUrl, { username: 'carl', password: 'carl-pw-2' });
    expect(await carl.session()).toEqual({ name: 'carl', roles: ['supervisor'] });
    const refused = await failure(setupTeamDatabase(carl));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/needs a CouchDB server admin; "carl" is not one/);
  });
});

describe('CouchClient with a misbehaving server', () => {
  const url = 'https://couch.example.org/team';
  const creds = { username: 'anna', password: 'hunter2-pw' };

  it('times out with the limit in the message', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const error = await failure(
      new CouchClient(url, creds, { fetch: hanging, timeoutMs: 50 }).databaseInfo(),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      'The team database at https://couch.example.org/team did not answer within 50 ms while opening the database.',
    );
  });

  it('reports a server error with CouchDB’s reason on one line', async () => {
    const fetch500 = answering(
      () =>
        new Response(JSON.stringify({ error: 'internal', reason: 'disk\nfull' }), { status: 500 }),
    );
    const error = await failure(new CouchClient(url, creds, { fetch: fetch500 }).changes(null, 10));
    expect(error).toMatchObject({ code: 'server-error', status: 500 });
    expect(error.message).toBe(
      'The team database at https://couch.example.org/team failed with HTTP 500 while listing what changed (CouchDB says: "disk full").',
    );
  });

  it.each([
    ['HTML instead of JSON', '<html>proxy login</html>', /not JSON/],
    ['JSON of another shape', '{"rows":"none"}', /unexpected shape .*rows/],
    [
      'too many rows',
      JSON.stringify({
        rows: [
          { key: 'a', error: 'x' },
          { key: 'b', error: 'x' },
        ],
      }),
      /unexpected shape/,
    ],
  ])('refuses %s as an invalid response', async (_label, body, message) => {
    const client = new CouchClient(url, creds, { fetch: answering(() => new Response(body)) });
    const error = await failure(client.existingIds(['a']));
    expect(error.code).toBe('invalid-response');
    expect(error.message).toMatch(message);
  });

  it('stops reading an answer beyond the size limit', async () => {
    let sent = 0;
    const endless = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            sent += 1024 * 1024;
            controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
          },
        }),
      );
    const client = new CouchClient(url, creds, { fetch: answering(endless) });
    const error = await failure(client.session());
    expect(error.code).toBe('invalid-response');
    expect(error.message).toMatch(/sent more than 32 MB/);
    expect(sent).toBeLessThanOrEqual(MAX_JSON_RESPONSE_BYTES + 2 * 1024 * 1024);
  });

  it('refuses an announced oversized attachment before reading it', async () => {
    const big = () =>
      new Response('{}', { headers: { 'content-length': String(200 * 1024 * 1024) } });
    const error = await failure(
      new CouchClient(url, creds, { fetch: answering(big) }).getAttachmentText('x', 'export.json'),
    );
    expect(error.code).toBe('invalid-response');
    expect(error.message).toMatch(/more than 100 MB for export.json of x/);
  });

  it('sends Basic credentials and no cookies, and never puts the password in a message', async () => {
    const seen: RequestInit[] = [];
    const recording: typeof fetch = (_input, init) => {
      seen.push(init ?? {});
      return Promise.resolve(new Response('{"error":"unauthorized"}', { status: 401 }));
    };
    const error = await failure(new CouchClient(url, creds, { fetch: recording }).session());
    expect(new Headers(seen[0]?.headers).get('authorization')).toBe(
      `Basic ${btoa('anna:hunter2-pw')}`,
    );
    expect(seen[0]).toMatchObject({ credentials: 'omit', redirect: 'error' });
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses addresses with credentials or without https before any request', () => {
    expect(() => new CouchClient('https://anna:pw@couch.example.org/team', creds)).toThrow(
      /Leave the user name and password out/,
    );
    expect(() => new CouchClient('http://couch.example.org/team', creds)).toThrow(/https/);
    expect(() => new CouchClient(url, { username: 'a:b', password: 'x' })).toThrow(/":"/);
  });
});
