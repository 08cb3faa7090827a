/**
 * The extension's pack store: installed packs, their previous versions, and
 * the keys a supervisor trusts. Used by the background (first-run install,
 * active packs for matching) and the dashboard (import, diff, rollback).
 *
 * Lifecycle of an import: `prepareImport` parses, validates, verifies and
 * diffs without writing anything, so the dashboard can show what would
 * change; `install` repeats every check on the same input (the preview is for
 * people, not a capability) and then writes in ONE IndexedDB transaction:
 * either the new version is current and the old one kept for rollback, or
 * nothing changed. A pack whose signature does not match its content is
 * refused like any invalid pack.
 *
 * Works on any Dexie database with the `packs` and `trustedKeys` tables,
 * so tests run it on fake-indexeddb.
 */
import canonicalize from 'canonicalize';
import type { Dexie, EntityTable } from 'dexie';
import type { PostLanguage } from '../domain/languages';
import type { AnswerTopic } from '../domain/topics';
import { parsePack, type ParsePackOptions } from './parse';
import type { PackProblem } from './problems';
import type { Answer, AnswerText, Pack, ReviewStatus } from './schema';
import {
  parsePublicKeyFile,
  verifyPack,
  type VerificationResult,
  type VerificationStatus,
} from './signing';
import type {
  InstalledPackRecord,
  InstalledPackVersion,
  PackSource,
  TrustedKeyRecord,
} from './store-records';
import { isoToday } from './validate';

export type {
  InstalledPackRecord,
  InstalledPackVersion,
  PackSource,
  TrustedKeyRecord,
} from './store-records';

export interface PackDatabase extends Dexie {
  packs: EntityTable<InstalledPackRecord, 'id'>;
  trustedKeys: EntityTable<TrustedKeyRecord, 'keyId'>;
}

export interface AnswerRef {
  id: string;
  topic: AnswerTopic;
}

export interface AnswerChange extends AnswerRef {
  /** What differs: `topic`, `kind`, `links`, `placeholders`, `review`, `texts.pl`, ... */
  fields: string[];
}

export interface PackDiff {
  added: AnswerRef[];
  removed: AnswerRef[];
  changed: AnswerChange[];
  unchanged: number;
  reviewStatusChanges: (AnswerRef & { from: ReviewStatus; to: ReviewStatus })[];
  /** In the incoming pack: translations made from an older canonical text. */
  staleTranslations: (AnswerRef & {
    language: PostLanguage;
    sourceVersion: number;
    canonicalVersion: number;
  })[];
  /** In the incoming pack: answers whose review expired. */
  expired: (AnswerRef & { validUntil: string })[];
}

export type VersionChange = 'new' | 'upgrade' | 'same' | 'downgrade';

export interface InstalledPackSummary {
  id: string;
  title: string;
  version: string;
  publisher: string;
  exampleContent: boolean;
  active: boolean;
  answers: number;
  languages: PostLanguage[];
  installedAt: string;
  source: PackSource;
  /** Trust as of now, against the currently trusted keys. */
  trust: Exclude<VerificationStatus, 'invalid'>;
  signer: string | null;
  /** The version a rollback would restore, if any. */
  previousVersion: string | null;
}

export type ImportPreview =
  | { ok: false; problems: PackProblem[] }
  | {
      ok: true;
      pack: Pack;
      /** Warnings only. */
      problems: PackProblem[];
      verification: Exclude<VerificationResult, { status: 'invalid' }>;
      installed: InstalledPackSummary | null;
      versionChange: VersionChange;
      diff: PackDiff;
    };

/** Thrown by `install` for a pack that must not be installed; nothing was written. */
export class PackImportError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'PackImportError';
  }
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function changedFields(before: Answer, after: Answer): string[] {
  const fields: string[] = [];
  for (const key of [
    'topic',
    'kind',
    'canonicalVersion',
    'placeholders',
    'links',
    'review',
  ] as const) {
    if (!same(before[key], after[key])) fields.push(key);
  }
  const languages = new Set([
    ...Object.keys(before.texts),
    ...Object.keys(after.texts),
  ] as PostLanguage[]);
  for (const language of languages) {
    if (!same(before.texts[language], after.texts[language])) fields.push(`texts.${language}`);
  }
  return fields;
}

/** What installing `incoming` would change compared to `installed`. */
export function diffPacks(
  installed: Pack | undefined,
  incoming: Pack,
  today: string = isoToday(),
): PackDiff {
  const before = new Map((installed?.answers ?? []).map((a) => [a.id, a]));
  const after = new Map(incoming.answers.map((a) => [a.id, a]));
  const diff: PackDiff = {
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
    reviewStatusChanges: [],
    staleTranslations: [],
    expired: [],
  };
  for (const answer of incoming.answers) {
    const ref = { id: answer.id, topic: answer.topic };
    const old = before.get(answer.id);
    if (!old) diff.added.push(ref);
    else {
      const fields = changedFields(old, answer);
      if (fields.length === 0) diff.unchanged += 1;
      else diff.changed.push({ ...ref, fields });
      if (old.review.status !== answer.review.status) {
        diff.reviewStatusChanges.push({
          ...ref,
          from: old.review.status,
          to: answer.review.status,
        });
      }
    }
    for (const [language, text] of Object.entries(answer.texts) as [PostLanguage, AnswerText][]) {
      if (text.sourceVersion < answer.canonicalVersion) {
        diff.staleTranslations.push({
          ...ref,
          language,
          sourceVersion: text.sourceVersion,
          canonicalVersion: answer.canonicalVersion,
        });
      }
    }
    if (answer.review.validUntil !== null && answer.review.validUntil < today) {
      diff.expired.push({ ...ref, validUntil: answer.review.validUntil });
    }
  }
  for (const answer of installed?.answers ?? []) {
    if (!after.has(answer.id)) diff.removed.push({ id: answer.id, topic: answer.topic });
  }
  return diff;
}

export interface PackStoreOptions {
  now?: () => Date;
  parse?: Omit<ParsePackOptions, 'today'>;
}

export class PackStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: PackDatabase,
    private readonly options: PackStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private today(): string {
    return isoToday(this.now());
  }

  private summarise(
    record: InstalledPackRecord,
    trusted: ReadonlyMap<string, string>,
  ): InstalledPackSummary {
    const { pack, signature } = record.current;
    return {
      id: record.id,
      title: pack.title,
      version: pack.version,
      publisher: pack.publisher.name,
      exampleContent: pack.exampleContent,
      active: record.active === 1,
      answers: pack.answers.length,
      languages: pack.languages,
      installedAt: record.current.installedAt,
      source: record.current.source,
      trust:
        signature === null
          ? 'unsigned'
          : trusted.has(signature.keyId)
            ? 'trusted'
            : 'unknown-signer',
      // For a trusted key, the user's label for it, never what the pack claims (finding 12).
      signer: signature ? (trusted.get(signature.keyId) ?? signature.signer) : null,
      previousVersion: record.previous?.pack.version ?? null,
    };
  }

  /** Trusted key ids with the label the user gave each. */
  private async trustedKeyIds(): Promise<Map<string, string>> {
    const keys = await this.db.trustedKeys.toArray();
    return new Map(keys.map((key) => [key.keyId, key.signer]));
  }

  /** Installed packs, in title order, with trust judged against today's trusted keys. */
  async list(): Promise<InstalledPackSummary[]> {
    const [records, trusted] = await Promise.all([this.db.packs.toArray(), this.trustedKeyIds()]);
    return records
      .map((r) => this.summarise(r, trusted))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  async get(id: string): Promise<InstalledPackRecord | undefined> {
    return this.db.packs.get(id);
  }

  /** The packs advisors get suggestions from. */
  async activePacks(): Promise<Pack[]> {
    const records = await this.db.packs.where('active').equals(1).toArray();
    return records.map((r) => r.current.pack);
  }

  /** Parses, validates, verifies and diffs `input`; writes nothing. */
  async prepareImport(input: string | unknown): Promise<ImportPreview> {
    const parsed = parsePack(input, { ...this.options.parse, today: this.today() });
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const trusted = await this.db.trustedKeys.toArray();
    const verification = await verifyPack(parsed.pack, trusted);
    if (verification.status === 'invalid') {
      return {
        ok: false,
        problems: [
          {
            severity: 'error',
            path: 'signature',
            message: `does not match the pack (${verification.reason}); the pack was refused`,
          },
        ],
      };
    }
    const record = await this.db.packs.get(parsed.pack.id);
    const trustedIds = new Map(trusted.map((k) => [k.keyId, k.signer]));
    const versionChange: VersionChange = !record
      ? 'new'
      : ((['downgrade', 'same', 'upgrade'] as const)[
          compareVersions(parsed.pack.version, record.current.pack.version) + 1
        ] ?? 'same');
    const installed = record ? this.summarise(record, trustedIds) : null;
    const problems = [...parsed.problems];
    if (installed?.trust === 'trusted' && verification.status !== 'trusted') {
      // Replacing a pack signed by a trusted key with a less trusted one (finding 12).
      problems.push({
        severity: 'warning',
        path: 'signature',
        message: `the installed version is signed by a trusted key (${installed.signer ?? ''}); this file is ${verification.status === 'unsigned' ? 'not signed' : `signed by a key you have not marked as trusted ("${verification.signer}")`}, so importing it lowers the pack's trust`,
      });
    }
    return {
      ok: true,
      pack: parsed.pack,
      problems,
      verification,
      installed,
      versionChange,
      diff: diffPacks(record?.current.pack, parsed.pack, this.today()),
    };
  }

  /**
   * Installs `input` as the current version of its pack, keeping the version
   * it replaces for rollback. All checks run again; on any problem this throws
   * `PackImportError` and the store is unchanged.
   */
  async install(
    input: string | unknown,
    source: PackSource,
    options: { activate?: boolean } = {},
  ): Promise<InstalledPackSummary> {
    const preview = await this.prepareImport(input);
    if (!preview.ok) throw new PackImportError(preview.problems);
    const { pack, verification } = preview;
    const version: InstalledPackVersion = {
      pack,
      installedAt: this.now().toISOString(),
      source,
      signature:
        verification.status === 'unsigned'
          ? null
          : {
              keyId: verification.keyId,
              signer: verification.signer,
              signedAt: verification.signedAt,
            },
    };
    const record = await this.db.transaction('rw', this.db.packs, async () => {
      const existing = await this.db.packs.get(pack.id);
      const next: InstalledPackRecord = {
        id: pack.id,
        active:
          options.activate === false ? 0 : options.activate === true ? 1 : (existing?.active ?? 1),
        current: version,
        previous: existing?.current ?? null,
      };
      await this.db.packs.put(next);
      return next;
    });
    return this.summarise(record, await this.trustedKeyIds());
  }

  /**
   * First run and extension updates: installs the bundled pack unless a
   * version of it that did not come bundled (imported by the user) is there,
   * or the same bundled version is already installed.
   */
  async ensureBundledPack(input: string | unknown): Promise<'installed' | 'updated' | 'kept'> {
    const parsed = parsePack(input, { ...this.options.parse, today: this.today() });
    if (!parsed.ok) throw new PackImportError(parsed.problems);
    const existing = await this.db.packs.get(parsed.pack.id);
    if (
      existing &&
      (existing.current.source.kind !== 'bundled' || same(existing.current.pack, parsed.pack))
    )
      return 'kept';
    await this.install(parsed.pack, { kind: 'bundled' });
    return existing ? 'updated' : 'installed';
  }

  async setActive(id: string, active: boolean): Promise<void> {
    const updated = await this.db.packs.update(id, { active: active ? 1 : 0 });
    if (updated === 0) throw new Error(`pack ${id} is not installed`);
  }

  /** Makes the previous version current again; the replaced one becomes "previous", so a rollback can be undone. */
  async rollback(id: string): Promise<InstalledPackSummary> {
    const record = await this.db.transaction('rw', this.db.packs, async () => {
      const existing = await this.db.packs.get(id);
      if (!existing) throw new Error(`pack ${id} is not installed`);
      if (!existing.previous) throw new Error(`pack ${id} has no previous version to roll back to`);
      const next: InstalledPackRecord = {
        ...existing,
        current: existing.previous,
        previous: existing.current,
      };
      await this.db.packs.put(next);
      return next;
    });
    return this.summarise(record, await this.trustedKeyIds());
  }

  async remove(id: string): Promise<void> {
    await this.db.packs.delete(id);
  }

  async listTrustedKeys(): Promise<TrustedKeyRecord[]> {
    return this.db.trustedKeys.toArray();
  }

  /** Trusts the key in a public key file made by `cli pack keygen`; throws for anything else. */
  async trustKey(publicKeyFile: unknown): Promise<TrustedKeyRecord> {
    const key = await parsePublicKeyFile(publicKeyFile);
    const record: TrustedKeyRecord = { ...key, addedAt: this.now().toISOString() };
    await this.db.trustedKeys.put(record);
    return record;
  }

  async untrustKey(keyId: string): Promise<void> {
    await this.db.trustedKeys.delete(keyId);
  }
}
