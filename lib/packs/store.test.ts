import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { BAD_PACK_CORPUS, oversizedPackText } from '../../tests/packs/corpus';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import { generateSigningKeys, signPack } from './signing';
import { diffPacks, PackImportError, PackStore } from './store';

const NOW = new Date('2026-03-01T10:00:00Z');
let db: OutreachDatabase;
let store: PackStore;

beforeEach(() => {
  db = new OutreachDatabase(`packs-${Math.random()}`);
  store = new PackStore(db, { now: () => NOW });
});
afterEach(async () => {
  await db.delete();
});

const snapshot = async () => ({
  packs: await db.packs.toArray(),
  keys: await db.trustedKeys.toArray(),
});
const file = { kind: 'file', name: 'pack.json' } as const;

describe('PackStore', () => {
  it('installs a pack, lists it as active and unsigned', async () => {
    await store.install(JSON.stringify(makePack()), file);
    expect(await store.list()).toEqual([
      expect.objectContaining({
        id: 'org.example.test',
        version: '2026.1.0',
        active: true,
        trust: 'unsigned',
        answers: 2,
        previousVersion: null,
      }),
    ]);
    expect((await store.activePacks()).map((p) => p.id)).toEqual(['org.example.test']);
  });

  describe.each(BAD_PACK_CORPUS)('refuses tests/packs/bad/$file', ({ file: name, expected }) => {
    it('naming the place, and leaves the installed packs unchanged', async () => {
      await store.install(makePack(), file);
      const before = await snapshot();
      const text = readFileSync(join(import.meta.dirname, '../../tests/packs/bad', name), 'utf8');
      const error = await store.install(text, { kind: 'file', name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackImportError);
      const lines = (error as PackImportError).problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.path}: ${p.message}`);
      for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
      expect(await snapshot()).toEqual(before);
    });
  });

  it('refuses a pack over the size limit and leaves the store unchanged', async () => {
    await store.install(makePack(), file);
    const before = await snapshot();
    await expect(store.install(oversizedPackText(), file)).rejects.toThrow(
      /^file: the file has \d+ bytes/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a signed pack changed after signing, with a clear message, and keeps the old version', async () => {
    const keys = await generateSigningKeys('Beratung Test');
    await store.trustKey(keys.publicKey);
    await store.install(await signPack(makePack(), keys.privateKey), file);
    const before = await snapshot();
    const signed = await signPack(makePack({ version: '2026.2.0' }), keys.privateKey);
    const tampered = JSON.stringify(signed).replace('"Test pack"', '"Test pack!"');
    const preview = await store.prepareImport(tampered);
    expect(preview).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          path: 'signature',
          message:
            'does not match the pack (the content was changed after signing); the pack was refused',
        },
      ],
    });
    await expect(store.install(tampered, file)).rejects.toBeInstanceOf(PackImportError);
    expect(await snapshot()).toEqual(before);
    expect((await store.list())[0]).toMatchObject({ trust: 'trusted', signer: 'Beratung Test' });
  });

  it('warns when a trusted pack would be replaced by an unsigned or unknown-signer one (finding 12)', async () => {
    const keys = await generateSigningKeys('Beratung Test');
    const attacker = await generateSigningKeys('Beratung Test');
    await store.trustKey(keys.publicKey);
    await store.install(await signPack(makePack(), keys.privateKey), file);
    for (const incoming of [
      makePack({ version: '2026.4.0' }),
      await signPack(makePack({ version: '2026.4.0' }), attacker.privateKey),
    ]) {
      const preview = await store.prepareImport(incoming);
      expect(preview.ok).toBe(true);
      if (preview.ok)
        expect(preview.problems).toContainEqual(
          expect.objectContaining({
            severity: 'warning',
            path: 'signature',
            message: expect.stringMatching(/lowers the pack's trust/) as unknown,
          }),
        );
    }
    const same = await store.prepareImport(
      await signPack(makePack({ version: '2026.4.0' }), keys.privateKey),
    );
    expect(same.ok && same.problems.some((p) => p.path === 'signature')).toBe(false);
  });

  it("shows the trusted key's own label, not the name the pack claims (finding 12)", async () => {
    const keys = await generateSigningKeys('Beratung Test');
    await store.trustKey(keys.publicKey);
    const signed = await signPack(makePack(), { ...keys.privateKey, signer: 'Bundesministerium' });
    await store.install(signed, file);
    expect((await store.list())[0]).toMatchObject({ trust: 'trusted', signer: 'Beratung Test' });
  });

  it('judges trust at read time: untrusting a key makes its packs unknown-signer', async () => {
    const keys = await generateSigningKeys('Beratung Test');
    await store.install(await signPack(makePack(), keys.privateKey), file);
    expect((await store.list())[0]?.trust).toBe('unknown-signer');
    await store.trustKey(keys.publicKey);
    expect((await store.list())[0]?.trust).toBe('trusted');
    await store.untrustKey(keys.publicKey.keyId);
    expect((await store.list())[0]?.trust).toBe('unknown-signer');
  });

  it('keeps the previous version and rolls back (and forward again)', async () => {
    await store.install(makePack(), file);
    await store.install(
      makePack({ version: '2026.2.0', answers: [makeAnswer('minimum-wage-basics')] }),
      file,
    );
    expect((await store.list())[0]).toMatchObject({
      version: '2026.2.0',
      previousVersion: '2026.1.0',
      answers: 1,
    });
    await store.rollback('org.example.test');
    expect((await store.list())[0]).toMatchObject({
      version: '2026.1.0',
      previousVersion: '2026.2.0',
      answers: 2,
    });
    await store.rollback('org.example.test');
    expect((await store.list())[0]).toMatchObject({ version: '2026.2.0' });
  });

  it('keeps several packs active at once and switches one off', async () => {
    await store.install(makePack(), file);
    await store.install(makePack({ id: 'org.example.other', title: 'Other' }), file);
    expect((await store.activePacks()).map((p) => p.id).sort()).toEqual([
      'org.example.other',
      'org.example.test',
    ]);
    await store.setActive('org.example.other', false);
    expect((await store.activePacks()).map((p) => p.id)).toEqual(['org.example.test']);
    await store.install(
      makePack({ id: 'org.example.other', title: 'Other', version: '2026.3.0' }),
      file,
    );
    expect((await store.activePacks()).map((p) => p.id)).toEqual(['org.example.test']);
  });

  it('previews an update with its diff and version change, writing nothing', async () => {
    await store.install(makePack(), file);
    const before = await snapshot();
    const incoming = makePack({
      version: '2026.2.0',
      answers: [
        makeAnswer('minimum-wage-basics', {
          canonicalVersion: 2,
          review: {
            status: 'approved',
            reviewer: 'RA X',
            reviewedAt: '2026-02-01',
            validUntil: '2026-12-31',
            legalBasis: ['§ 1 MiLoG'],
          },
          texts: {
            de: makeText('de', { sourceVersion: 2, body: 'Neu in {city}.' }),
            pl: makeText('pl'),
          },
        }),
        makeAnswer('holidays-basics', { topic: 'holidays-leave' }),
      ],
    });
    const preview = await store.prepareImport(incoming);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.versionChange).toBe('upgrade');
    expect(preview.installed?.version).toBe('2026.1.0');
    expect(preview.diff).toEqual({
      added: [{ id: 'holidays-basics', topic: 'holidays-leave' }],
      removed: [{ id: 'minimum-wage-minijob', topic: 'minijob' }],
      changed: [
        {
          id: 'minimum-wage-basics',
          topic: 'minimum-wage',
          fields: ['canonicalVersion', 'review', 'texts.de'],
        },
      ],
      unchanged: 0,
      reviewStatusChanges: [
        { id: 'minimum-wage-basics', topic: 'minimum-wage', from: 'pending', to: 'approved' },
      ],
      staleTranslations: [
        {
          id: 'minimum-wage-basics',
          topic: 'minimum-wage',
          language: 'pl',
          sourceVersion: 1,
          canonicalVersion: 2,
        },
      ],
      expired: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lists expired answers of the incoming pack in the diff', () => {
    const pack = makePack({
      answers: [
        makeAnswer('a', {
          review: {
            status: 'pending',
            reviewer: null,
            reviewedAt: null,
            validUntil: '2025-12-31',
            legalBasis: [],
          },
        }),
      ],
    });
    expect(diffPacks(undefined, pack, '2026-03-01').expired).toEqual([
      { id: 'a', topic: 'minimum-wage', validUntil: '2025-12-31' },
    ]);
  });

  it('installs the bundled pack on first run and does not replace a user-imported version', async () => {
    expect(await store.ensureBundledPack(makePack())).toBe('installed');
    expect(await store.ensureBundledPack(makePack())).toBe('kept');
    expect(await store.ensureBundledPack(makePack({ version: '2026.2.0' }))).toBe('updated');
    await store.install(makePack({ version: '2026.5.0' }), {
      kind: 'url',
      url: 'https://example.org/pack.json',
    });
    expect(await store.ensureBundledPack(makePack({ version: '2026.6.0' }))).toBe('kept');
    expect((await store.list())[0]?.version).toBe('2026.5.0');
  });

  it('refuses a file that is not a public key', async () => {
    await expect(store.trustKey({ format: 'something' })).rejects.toThrow();
    expect(await store.listTrustedKeys()).toEqual([]);
  });
});
