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
import Dexie, { type EntityTable } from 'dexie';
import type { LogEvent } from '../log/events';
import type { CaseNoteRecord, ImportRecord, PostRecord } from '../log/records';
import type { InstalledPackRecord, TrustedKeyRecord } from '../packs/store-records';

export const DATABASE_NAME = 'outreach-advisor';

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
  }
}

let shared: OutreachDatabase | undefined;

/** The database of this extension context, opened lazily on first use. */
export function getDatabase(): OutreachDatabase {
  shared ??= new OutreachDatabase();
  return shared;
}
