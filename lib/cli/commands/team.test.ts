import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchTestServer } from '../../../tests/support/couch-test-server';
import { startCouchTestServer } from '../../../tests/support/couch-test-server';
import {
  examplePublicKeyFile,
  exampleExportKeys,
} from '../../../tests/fixtures/example-advisor-keys';
import { generateEvents } from '../../../tests/fixtures/sample-events';
import { readLogBundle } from '../../log/bundle';
import { buildLogExport, serialiseLogExport } from '../../log/envelope';
import { DEFAULT_INCLUDES } from '../../log/export-options';
import { CouchClient } from '../../team/couch-client';
import { BATCH_ATTACHMENT, teamDocId } from '../../team/documents';
import { decodeConnectionCode } from '../../team/team-key';
import { runCliInMemory } from '../run-in-memory';

let server: CouchTestServer;
let dir: string;
let dbUrl: string;
let adminEnv: Record<string, string>;
const annaEnv = { COUCHDB_USER: 'anna', COUCHDB_PASSWORD: 'anna-pw' };
const benEnv = { COUCHDB_USER: 'ben', COUCHDB_PASSWORD: 'ben-pw' };
const samEnv = { COUCHDB_USER: 'sam', COUCHDB_PASSWORD: 'sam-pw' };

const run = (args: string[], env: Record<string, string> = {}) =>
  runCliInMemory(args, { cwd: dir, env });

/** A signed export of `count` events by `signer`, written to `name`; returns its checksum. */
async function writeExport(name: string, signer: string, seed: number, count = 40) {
  const envelope = await buildLogExport(generateEvents(count, seed), {
    ...(await exampleExportKeys(signer)),
    advisor: `${signer}-pseudonym`,
    includes: DEFAULT_INCLUDES,
  });
  await writeFile(join(dir, name), serialiseLogExport(envelope));
  return envelope.checksum.value;
}

beforeAll(async () => {
  server = await startCouchTestServer();
  dir = await mkdtemp(join(tmpdir(), 'oa-team-cli-'));
  dbUrl = server.databaseUrl('outreach-team');
  adminEnv = { COUCHDB_USER: server.admin.username, COUCHDB_PASSWORD: server.admin.password };
  for (const signer of ['anna', 'ben']) {
    await writeFile(
      join(dir, `${signer}.public-key.json`),
      JSON.stringify(await examplePublicKeyFile(signer)),
    );
  }
}, 30_000);

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('team setup and add-user', () => {
  it('refuses to run without credentials in the environment', async () => {
    const { code, err } = await run(['team', 'setup', '--url', dbUrl]);
    expect(code).toBe(2);
    expect(err).toMatch(/^Set COUCHDB_USER and COUCHDB_PASSWORD/);
  });

  it('creates the database and prints a connection code with a new secret; again, changes nothing', async () => {
    const first = await run(['team', 'setup', '--url', dbUrl], adminEnv);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      `Team database ${dbUrl}: created; validation created; security set`,
    );
    expect(first.out).toContain('stored nowhere');
    const code = /^oa-team-1\.\S+$/m.exec(first.out)?.[0] ?? '';
    const decoded = decodeConnectionCode(code);
    expect(decoded.url).toBe(dbUrl);

    const again = await run(['team', 'setup', '--url', dbUrl, '--secret', code], adminEnv);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already there; validation unchanged; security unchanged');
    expect(again.out).toContain(code);
    expect(again.out).not.toContain('NEW team secret');
  });

  it('adds users with a given or a generated password', async () => {
    const given = await run(['team', 'add-user', 'anna', '--role', 'advisor', '--url', dbUrl], {
      ...adminEnv,
      TEAM_USER_PASSWORD: 'anna-pw',
    });
    expect(given.code).toBe(0);
    expect(given.out).toBe(`Created user "anna" with role advisor on ${server.url}.\n`);
    await server.addUser('ben', 'ben-pw', ['advisor']);
    const made = await run(
      ['team', 'add-user', 'sam', '--role', 'supervisor', '--url', dbUrl],
      adminEnv,
    );
    const password = /Password \(shown once.*\): (\S+)$/m.exec(made.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await new CouchClient(dbUrl, { username: 'sam', password }).session()).toEqual({
      name: 'sam',
      roles: ['supervisor'],
    });
    await server.addUser('sam', 'sam-pw', ['supervisor']);
  });

  it.each([
    [['team', 'add-user', 'anna', '--role', 'admin', '--url', 'https://couch.example.org/t']],
    [['team', 'add-user', 'an:na', '--role', 'advisor', '--url', 'https://couch.example.org/t']],
    [['team', 'setup', '--url', 'http://couch.example.org/t']],
    [['team', 'setup', '--url', 'https://couch.example.org/t', '--secret', 'short']],
    [['team', 'push', 'a.json']],
    [['team', 'pull', '--url', 'https://couch.example.org/t']],
  ])('exits 2 on %j', async (args) => {
    expect((await run(args, adminEnv)).code).toBe(2);
  });

  it('refuses setup by a user who is not a server admin', async () => {
    const { code, err } = await run(['team', 'setup', '--url', dbUrl], annaEnv);
    expect(code).toBe(1);
    expect(err).toMatch(/needs a CouchDB server admin; "anna" is not one/);
  });
});

describe('team push and pull', () => {
  it('pushes each export once, refuses a tampered file and goes on with the others', async () => {
    const a1 = await writeExport('a1.json', 'anna', 1);
    const a2 = await writeExport('a2.json', 'anna', 2);
    const text = await readFile(join(dir, 'a1.json'), 'utf8');
    await writeFile(join(dir, 'bad.json'), text.replace('"post-seen"', '"handled"'));

    const first = await run(
      ['team', 'push', 'a1.json', 'bad.json', 'a2.json', 'a1.json', '--url', dbUrl],
      annaEnv,
    );
    expect(first.code).toBe(1);
    expect(first.out.trimEnd().split('\n')).toEqual([
      `PUSHED a1.json: ${teamDocId('anna', 'batch', a1)} (40 events, advisor "anna-pseudonym")`,
      expect.stringMatching(/^REFUSED bad\.json: The checksum does not match/),
      `PUSHED a2.json: ${teamDocId('anna', 'batch', a2)} (40 events, advisor "anna-pseudonym")`,
      `ALREADY a1.json: already in the team database as ${teamDocId('anna', 'batch', a1)}`,
    ]);

    const again = await run(['team', 'push', 'a1.json', 'a2.json', '--url', dbUrl], annaEnv);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^ALREADY a1\.json: already in the team database/m);
    expect(again.out).toMatch(/^ALREADY a2\.json: already in the team database/m);
    const stored = await new CouchClient(dbUrl, server.admin).getAttachmentText(
      teamDocId('anna', 'batch', a1),
      BATCH_ATTACHMENT,
    );
    expect(stored).toBe(text);
  });

  it('refuses a push by a supervisor before reading any file', async () => {
    await writeExport('s.json', 'anna', 9);
    const { code, out, err } = await run(['team', 'push', 's.json', '--url', dbUrl], samEnv);
    expect([code, out]).toEqual([1, '']);
    expect(err).toMatch(/"sam" is not an advisor in the team \(roles: supervisor\)/);
  });

  it('pulls every batch into a bundle that logs verify accepts with the advisors’ keys', async () => {
    const b1 = await writeExport('b1.json', 'ben', 3);
    expect((await run(['team', 'push', 'b1.json', '--url', dbUrl], benEnv)).code).toBe(0);

    const pulled = await run(
      ['team', 'pull', '--url', dbUrl, '-o', 'team.json', '--trusted', 'anna.public-key.json'],
      samEnv,
    );
    expect(pulled.err).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.out).toMatch(/^OK anna:batch:[0-9a-f]{64}: verified/m);
    expect(pulled.out).toContain(
      `UNTRUSTED ${teamDocId('ben', 'batch', b1)}: signed by an unknown key`,
    );
    expect(pulled.out).toMatch(/Wrote team\.json: 3 batches, 120 events from /);

    const bundle = readLogBundle(await readFile(join(dir, 'team.json'), 'utf8'));
    expect(bundle.database).toBe(dbUrl);
    expect(bundle.exports.map((entry) => entry.user).sort()).toEqual(['anna', 'anna', 'ben']);
    expect(bundle.exports.find((entry) => entry.id.startsWith('ben:'))?.text).toBe(
      await readFile(join(dir, 'b1.json'), 'utf8'),
    );

    const verify = await run([
      'logs',
      'verify',
      'team.json',
      '--trusted',
      'anna.public-key.json',
      '--trusted',
      'ben.public-key.json',
    ]);
    expect(verify.code).toBe(0);
    expect(verify.out.trimEnd().split('\n')).toHaveLength(3);
    expect(verify.out).toContain(`OK team.json#${teamDocId('ben', 'batch', b1)}: verified`);
    const untrusted = await run(['logs', 'verify', 'team.json']);
    expect(untrusted.code).toBe(1);

    const report = await run(['logs', 'report', 'team.json', '--format', 'json']);
    expect(report.code).toBe(0);
    const inputs = (JSON.parse(report.out) as { inputs: { file: string }[] }).inputs;
    expect(inputs.map((input) => input.file)).toContain(
      `team.json#${teamDocId('ben', 'batch', b1)}`,
    );

    const onlyBen = await run(
      ['team', 'pull', '--url', dbUrl, '-o', 'ben.json', '--user', 'ben'],
      samEnv,
    );
    expect(onlyBen.out).toMatch(/Wrote ben\.json: 1 batch, 40 events/);
  });

  it('refuses a batch changed on the server and leaves it out of the bundle', async () => {
    const c1 = await writeExport('c1.json', 'anna', 5);
    await run(['team', 'push', 'c1.json', '--url', dbUrl], annaEnv);
    const id = teamDocId('anna', 'batch', c1);
    const admin = new CouchClient(dbUrl, server.admin);
    const doc = await admin.getDoc(id);
    await admin.putDocument({ ...doc, eventCount: 41 });

    const pulled = await run(
      ['team', 'pull', '--url', dbUrl, '-o', 'team2.json', '--trusted', 'anna.public-key.json'],
      samEnv,
    );
    expect(pulled.code).toBe(1);
    expect(pulled.out).toContain(
      `REFUSED ${id}: changed on the server: the document was changed after it was pushed (revision 2)`,
    );
    expect(pulled.out).toMatch(/; 1 refused and left out\.$/m);
    const bundle = readLogBundle(await readFile(join(dir, 'team2.json'), 'utf8'));
    expect(bundle.exports.map((entry) => entry.id)).not.toContain(id);
    expect(bundle.exports).toHaveLength(3);
  });

  it('logs verify names a tampered export inside a bundle', async () => {
    const text = await readFile(join(dir, 'team.json'), 'utf8');
    const bundle = readLogBundle(text);
    const [first] = bundle.exports;
    if (!first) throw new Error('empty bundle');
    first.text = first.text.replace('"post-seen"', '"handled"');
    await writeFile(join(dir, 'tampered.json'), JSON.stringify(bundle));
    const verify = await run([
      'logs',
      'verify',
      'tampered.json',
      '--trusted',
      'anna.public-key.json',
    ]);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`REFUSED tampered.json#${first.id}: The checksum does not match`);
    const report = await run(['logs', 'report', 'tampered.json']);
    expect(report.code).toBe(1);
    expect(report.err).toMatch(new RegExp(`^tampered\\.json#${first.id}: The checksum`));
  });

  it('says where and what when the server is down', async () => {
    await server.suspend();
    try {
      const { code, err } = await run(['team', 'pull', '--url', dbUrl, '-o', 'x.json'], samEnv);
      expect(code).toBe(1);
      expect(err).toBe(
        `The team database at ${dbUrl} cannot be reached while listing what changed: check the address and the network connection.\n`,
      );
    } finally {
      await server.resume();
    }
  });
});
