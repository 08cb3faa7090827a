/**
 * The extension's IndexedDB database, declared in one place.
 *
 * Only extension pages and the background open it: a content script would
 * create it in facebook.com's storage (docs/PRODUCT.md#security,
 * docs/ARCHITECTURE.md#ownership).
 *
 * Versions are append-only. To change the schema, add `this.version(N + 1)`
 * with the new stores and, if records must change, an `.upgrade()` — and a
 * before/after test on fake-indexeddb. Never edit a version that has shipped.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { storage } from 'wxt/utils/storage';
import { LEGACY_DOCUMENTATION_TYPES, upgradeLegacyEvent, type LogEvent } from '../log/events';
import type { GroupRecord, ImportedGroupRecord } from '../groups/records';
import type { CaseNoteRecord, ImportRecord, PostRecord } from '../log/records';
import type { InstalledPackRecord, TrustedKeyRecord } from '../packs/store-records';
import { createPostKeyKeyer, UNKEYED_FALLBACK_PREFIX } from '../privacy/post-key';
import type {
  TeamBatchRecord,
  TeamOutboxRecord,
  TeamPostKeyRecord,
  TeamPostRecord,
  TeamSharedRecord,
} from '../team/records';

export const DATABASE_NAME = 'outreach-advisor';

/**
 * Where the author-hash secret lived before version 3: `storage.local`, which
 * content scripts can read (review finding 15).
 */
export const LEGACY_INSTALLATION_SECRET_KEY = 'local:installationSecret';

/** Ids of the records in `secrets`. */
export const INSTALLATION_SECRET_ID = 'installation-secret';
export const ADVISOR_KEY_ID = 'advisor-key';
/** The team connection with its credentials and team secret (docs/TEAM-SYNC.md). */
export const TEAM_CONNECTION_ID = 'team-connection';

/**
 * Secrets of this installation, kept where only the background and the
 * extension pages reach them: the author-hash secret (hex) and the advisor
 * signing key (a non-extractable CryptoKey with its public half).
 */
export interface SecretRecord {
  id: string;
  value: unknown;
}

/** An advisor's public key the supervisor trusts for signed log exports. */
export interface TrustedAdvisorKeyRecord {
  keyId: string;
  /** The label the supervisor gave it (shown instead of what a file claims). */
  signer: string;
  /** SPKI DER, base64. */
  publicKey: string;
  addedAt: number;
}

/** Small key-value facts about this installation (e.g. when it was set up). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export class OutreachDatabase extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  /** Interaction log (lib/log): own events and events merged from imports. */
  events!: EntityTable<LogEvent, 'id'>;
  posts!: EntityTable<PostRecord, 'postKey'>;
  caseNotes!: EntityTable<CaseNoteRecord, 'postKey'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  /** Installed answer packs with the previous version for rollback (lib/packs/store.ts). */
  packs!: EntityTable<InstalledPackRecord, 'id'>;
  /** Public keys the supervisor trusts for pack signatures. */
  trustedKeys!: EntityTable<TrustedKeyRecord, 'keyId'>;
  /** Installation secrets (v3): never in storage.local, never in the content script. */
  secrets!: EntityTable<SecretRecord, 'id'>;
  /** Advisors' public keys trusted for signed log exports (v3); apart from pack keys. */
  trustedAdvisorKeys!: EntityTable<TrustedAdvisorKeyRecord, 'keyId'>;
  /** The group register (v6): groups this installation has seen, with the supervisor's tags. */
  groups!: EntityTable<GroupRecord, 'key'>;
  /** Register entries from merged exports (v6), removed with their import. */
  importedGroups!: Table<ImportedGroupRecord, [string, string]>;
  /** Team sync (v7, docs/TEAM-SYNC.md): batches waiting for the server. */
  teamOutbox!: EntityTable<TeamOutboxRecord, 'id'>;
  /** Own events the team database has confirmed. */
  teamShared!: EntityTable<TeamSharedRecord, 'eventId'>;
  /** Batches a supervisor fetched, with their status. */
  teamBatches!: EntityTable<TeamBatchRecord, 'id'>;
  /** Posts colleagues documented (team pseudonyms). */
  teamPosts!: Table<TeamPostRecord, [string, string]>;
  /** Team pseudonyms of fallback-keyed posts, noted while their fingerprint was in hand. */
  teamPostKeys!: EntityTable<TeamPostKeyRecord, 'postKey'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      meta: '&key',
      events: '&id, at, type, postKey, authorHash',
      posts: '&postKey, lastSeenAt, authorHash',
      caseNotes: '&postKey, updatedAt, authorHash',
      imports: '&id, importedAt',
      packs: '&id, active',
      trustedKeys: '&keyId',
    });
    // v2: events get `source` ('local' | 'import', derived from `importId`)
    // with indexes, so "my own log" and "remove this import" are index
    // queries instead of full scans.
    this.version(2)
      .stores({ events: '&id, at, type, postKey, authorHash, source, importId' })
      .upgrade((tx) =>
        tx
          .table('events')
          .toCollection()
          .modify((event: { importId?: string; source?: string }) => {
            event.source = event.importId === undefined ? 'local' : 'import';
          }),
      );
    // v3: secrets move out of storage.local (which content scripts can read)
    // into this database, and trusted advisor keys get their own table. The
    // upgrade copies an existing author-hash secret so old hashes stay
    // comparable; storage.local is cleared only after the database holds it
    // (lib/privacy/author-hash.ts), so a failed upgrade loses nothing.
    this.version(3)
      .stores({ secrets: '&id', trustedAdvisorKeys: '&keyId' })
      .upgrade(async (tx) => {
        const legacy = await Dexie.waitFor(storage.getItem<string>(LEGACY_INSTALLATION_SECRET_KEY));
        if (typeof legacy === 'string' && /^[0-9a-f]{64}$/.test(legacy)) {
          await tx.table('secrets').put({ id: INSTALLATION_SECRET_ID, value: legacy });
        }
      });
    // v4: unkeyed `fbh:` fallback post keys become keyed `fbk:` ones (review finding 8).
    this.version(4).upgrade(keyStoredFallbackKeys);
    // v5: one way to document a case. The first version's "Handled" and "Log
    // referral" events become `note-added` events (outcome informed / referred,
    // empty note), so statistics count each post's outcome once; the case
    // record of each affected post is rebuilt from its latest documentation.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        const touched = new Set<string>();
        await tx
          .table('events')
          .where('type')
          .anyOf([...LEGACY_DOCUMENTATION_TYPES])
          .modify((event: LogEvent, ref: { value: LogEvent }) => {
            touched.add(event.postKey);
            ref.value = upgradeLegacyEvent(event);
          });
        for (const postKey of touched) {
          const documentation = (await tx
            .table('events')
            .where('postKey')
            .equals(postKey)
            .filter((event: LogEvent) => event.type === 'note-added')
            .toArray()) as Extract<LogEvent, { type: 'note-added' }>[];
          const latest = documentation.sort((a, b) => b.at - a.at)[0];
          if (!latest) continue;
          const current = (await tx.table('caseNotes').get(postKey)) as CaseNoteRecord | undefined;
          if (current && current.updatedAt > latest.at) continue;
          await tx.table('caseNotes').put({
            postKey,
            outcome: latest.outcome,
            note: latest.note,
            referredTo: latest.referredTo ?? null,
            updatedAt: latest.at,
            eventId: latest.id,
            authorHash: latest.authorHash,
          } satisfies CaseNoteRecord);
        }
      });
    // v6: the group register (docs/MONITORING.md#group-register). New tables only:
    // the register fills as groups are seen, so nothing stored changes.
    this.version(6).stores({
      groups: '&key, lastSeenAt',
      importedGroups: '&[importId+key], importId',
    });
    // v7: team sync (docs/TEAM-SYNC.md). New tables only; nothing is shared until a
    // user connects.
    this.version(7).stores({
      teamOutbox: '&id, createdAt',
      teamShared: '&eventId, batchId',
      teamBatches: '&id, status',
      teamPosts: '&[key+user], key',
      teamPostKeys: '&postKey',
    });
  }
}

const SECRET_HEX = /^[0-9a-f]{64}$/;

function secretBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Version 4: stored `fbh:` post keys become `fbk:` keyed digests
 * (docs/ARCHITECTURE.md#keyed-fallback-post-keys), in events (imported ones
 * too), post records and case notes. Runs inside the upgrade transaction, so
 * it is all or nothing; the secret is the installation's (created here if no
 * event ever needed one), so the background keys new events the same way.
 */
async function keyStoredFallbackKeys(tx: Transaction): Promise<void> {
  const events = tx.table('events');
  const posts = tx.table('posts');
  const caseNotes = tx.table('caseNotes');
  const fbh = (table: Table) => table.where('postKey').startsWith(UNKEYED_FALLBACK_PREFIX);
  const keys = new Set<string>([
    ...((await fbh(events).keys()) as string[]),
    ...((await fbh(posts).primaryKeys()) as string[]),
    ...((await fbh(caseNotes).primaryKeys()) as string[]),
  ]);
  if (keys.size === 0) return;
  const secrets = tx.table('secrets');
  const stored = (await secrets.get(INSTALLATION_SECRET_ID)) as SecretRecord | undefined;
  let hex = typeof stored?.value === 'string' && SECRET_HEX.test(stored.value) ? stored.value : '';
  if (hex === '') {
    const fresh = crypto.getRandomValues(new Uint8Array(32));
    hex = [...fresh].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    await secrets.put({ id: INSTALLATION_SECRET_ID, value: hex });
  }
  const secret = secretBytes(hex);
  // WebCrypto is not IndexedDB: Dexie.waitFor keeps the upgrade transaction open meanwhile.
  const keyed = await Dexie.waitFor(
    (async () => {
      const keyer = await createPostKeyKeyer(secret);
      const pairs = await Promise.all([...keys].map(async (key) => [key, await keyer(key)]));
      return new Map(pairs as [string, string][]);
    })(),
  );
  const rename = (key: string) => keyed.get(key) ?? key;
  await fbh(events).modify((event: { postKey: string }) => {
    event.postKey = rename(event.postKey);
  });
  // Posts and case notes are stored under their key: re-add them under the new one.
  for (const table of [posts, caseNotes]) {
    const records = (await fbh(table).toArray()) as { postKey: string }[];
    await table.bulkDelete(records.map((record) => record.postKey));
    await table.bulkPut(records.map((record) => ({ ...record, postKey: rename(record.postKey) })));
  }
}

let shared: OutreachDatabase | undefined;

/** The database of this extension context, opened lazily on first use. */
export function getDatabase(): OutreachDatabase {
  shared ??= new OutreachDatabase();
  return shared;
}
