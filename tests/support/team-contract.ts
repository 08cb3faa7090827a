/**
 * What the team database must allow and refuse (docs/TEAM-SYNC.md#server-setup),
 * as one suite that runs against any CouchDB-compatible server: the
 * in-process test server (lib/team/design.test.ts) and, when COUCHDB_URL is
 * set, a real CouchDB 3 (lib/team/design.couchdb.test.ts). Each run uses a
 * database and users of its own and removes the database afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchCredentials } from '../../lib/team/couch-client';
import { CouchClient, TeamSyncError } from '../../lib/team/couch-client';
import { setupTeamDatabase, teamDesignDoc } from '../../lib/team/design';
import {
  BATCH_ATTACHMENT,
  buildBatchDoc,
  buildPostsDoc,
  teamDocId,
  utf8ToBase64,
} from '../../lib/team/documents';

export interface ContractServer {
  /** The server root, no trailing slash. */
  url: string;
  admin: CouchCredentials;
  stop?(): Promise<void>;
}

const checksum = (digit: string) => digit.repeat(64);
const facts = (sum: string) => ({
  advisor: 'A-1',
  checksum: sum,
  keyId: null,
  eventCount: 1,
  range: { from: null, to: null },
});
const NOW = '2026-09-01T10:00:00.000Z';

async function refusal(promise: Promise<unknown>): Promise<TeamSyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TeamSyncError) return error;
    throw error;
  }
  throw new Error('expected the server to refuse');
}

export function describeTeamContract(name: string, start: () => Promise<ContractServer>): void {
  describe(name, () => {
    let server: ContractServer;
    let dbUrl: string;
    const run = Math.random().toString(36).slice(2, 8);
    const anna = `oa-anna-${run}`;
    const ben = `oa-ben-${run}`;
    const sam = `oa-sam-${run}`;
    const nobody = `oa-nobody-${run}`;
    const password = `pw-${run}-secret`;
    const as = (user: string, pw = password) =>
      new CouchClient(dbUrl, { username: user, password: pw });
    const admin = () => new CouchClient(dbUrl, server.admin);

    beforeAll(async () => {
      server = await start();
      dbUrl = `${server.url}/oa-contract-${run}`;
      const result = await setupTeamDatabase(admin());
      expect(result).toEqual({ databaseCreated: true, designDoc: 'created', security: 'set' });
      await admin().putUser(anna, password, ['advisor']);
      await admin().putUser(ben, password, ['advisor']);
      await admin().putUser(sam, password, ['supervisor']);
      await admin().putUser(nobody, password, []);
    }, 60_000);

    afterAll(async () => {
      if (!server) return;
      await admin()
        .deleteDatabase()
        .catch(() => undefined);
      for (const user of [anna, ben, sam, nobody]) {
        const users = new CouchClient(`${server.url}/_users`, server.admin);
        const doc = await users.getDoc(`org.couchdb.user:${user}`).catch(() => null);
        if (doc) await users.putDocument({ ...doc, _deleted: true }).catch(() => undefined);
      }
      await server.stop?.();
    });

    it('setting up again changes nothing', async () => {
      expect(await setupTeamDatabase(admin())).toEqual({
        databaseCreated: false,
        designDoc: 'unchanged',
        security: 'unchanged',
      });
    });

    it('lets an advisor add a batch under their own name, once', async () => {
      const doc = buildBatchDoc(anna, facts(checksum('a')), '{"exported":true}\n', NOW);
      expect(await as(anna).createDocs([doc])).toEqual([{ id: doc._id, status: 'ok' }]);
      expect(await as(anna).createDocs([doc])).toEqual([{ id: doc._id, status: 'exists' }]);
      const stored = await as(sam).getDoc(doc._id);
      expect(stored?._rev).toMatch(/^1-/);
      expect(await as(sam).getAttachmentText(doc._id, BATCH_ATTACHMENT)).toBe(
        '{"exported":true}\n',
      );
    });

    it('lets an advisor add a posts document under their own name', async () => {
      const doc = buildPostsDoc(anna, checksum('a'), [], NOW);
      expect(await as(anna).createDocs([doc])).toEqual([{ id: doc._id, status: 'ok' }]);
    });

    it('refuses a document under another user’s name, with the validation’s reason', async () => {
      const doc = buildBatchDoc(ben, facts(checksum('b')), '{}', NOW);
      const [result] = await as(anna).createDocs([doc]);
      expect(result).toMatchObject({ id: doc._id, status: 'forbidden' });
      expect(result?.reason).toContain(`${anna}:batch:`);
      expect(await admin().getDoc(doc._id)).toBeNull();
    });

    it.each([
      ['the author field names someone else', { user: 'someone' }],
      ['the type does not match the name', { type: 'outreach-advisor-posts' }],
      ['the checksum does not match the name', { checksum: checksum('f') }],
      ['it has no export attachment', { _attachments: undefined }],
      ['it has a second attachment', { extra: true }],
    ])('refuses a batch where %s', async (_label, change) => {
      const base = buildBatchDoc(anna, facts(checksum('c')), '{}', NOW);
      const doc: Record<string, unknown> = { ...base, ...change };
      if ('extra' in change) {
        delete doc.extra;
        doc._attachments = {
          ...base._attachments,
          'other.txt': { content_type: 'text/plain', data: utf8ToBase64('x') },
        };
      }
      if ('_attachments' in change) delete doc._attachments;
      const [result] = await as(anna).createDocs([doc]);
      expect(result?.status).toBe('forbidden');
    });

    it('refuses an advisor changing or deleting even their own document', async () => {
      const doc = buildBatchDoc(anna, facts(checksum('d')), '{}', NOW);
      await as(anna).createDocs([doc]);
      const stored = await as(anna).getDoc(doc._id);
      const changed = await refusal(as(anna).putDocument({ ...stored, eventCount: 99 }));
      expect(changed.code).toBe('forbidden');
      expect(changed.message).toMatch(/cannot be changed or deleted/);
      const deleted = await refusal(as(anna).putDocument({ ...stored, _deleted: true }));
      expect(deleted.code).toBe('forbidden');
      expect((await admin().getDoc(doc._id))?._rev).toBe(stored?._rev);
    });

    it('lets a supervisor read everything and write nothing', async () => {
      const page = await as(sam).changes(null, 100);
      expect(page.results.map((change) => change.id)).toContain(
        teamDocId(anna, 'batch', checksum('a')),
      );
      const [result] = await as(sam).createDocs([
        buildBatchDoc(sam, facts(checksum('e')), '{}', NOW),
      ]);
      expect(result?.status).toBe('forbidden');
    });

    it('refuses design documents from anyone but the admin', async () => {
      const [result] = await as(anna).createDocs([{ ...teamDesignDoc(), _id: '_design/mine' }]);
      expect(['forbidden', 'error']).toContain(result?.status);
      expect(await admin().getDoc('_design/mine')).toBeNull();
    });

    it('refuses a wrong password and anonymous requests', async () => {
      const wrong = await refusal(as(anna, 'not-the-password').databaseInfo());
      expect(wrong.code).toBe('unauthorized');
      expect(wrong.message).toContain('refused the user name or password');
      expect(wrong.message).not.toContain('not-the-password');
      const anonymous = await fetch(dbUrl);
      await anonymous.body?.cancel();
      expect(anonymous.status).toBe(401);
      const docs = await fetch(`${dbUrl}/_all_docs`);
      await docs.body?.cancel();
      expect(docs.status).toBe(401);
    });

    it('keeps users without a team role out', async () => {
      const error = await refusal(as(nobody).changes(null, 10));
      expect(['unauthorized', 'forbidden']).toContain(error.code);
    });

    it('lets the admin change a stored batch (how an edit on the server looks)', async () => {
      const id = teamDocId(anna, 'batch', checksum('a'));
      const stored = await admin().getDoc(id);
      const { rev } = await admin().putDocument({ ...stored, eventCount: 2 });
      expect(rev).toMatch(/^2-/);
      expect((await as(sam).getDoc(id))?.eventCount).toBe(2);
    });
  });
}
