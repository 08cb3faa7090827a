/**
 * What the pack store keeps in IndexedDB (tables `packs` and `trustedKeys`
 * of `lib/db/database.ts`). Kept apart from `store.ts` so the database class
 * can import the types without importing the store.
 */
import type { Pack } from './schema';

/** Where an installed pack came from, shown in the dashboard. */
export type PackSource =
  { kind: 'bundled' } | { kind: 'file'; name: string } | { kind: 'url'; url: string };

/** One installed version of a pack. */
export interface InstalledPackVersion {
  pack: Pack;
  /** ISO timestamp. */
  installedAt: string;
  source: PackSource;
  /**
   * The signature as verified at install time (packs whose signature does not
   * match are never installed); null for unsigned packs. Trust is decided
   * when reading, against the keys trusted then.
   */
  signature: { keyId: string; signer: string; signedAt: string } | null;
}

export interface InstalledPackRecord {
  /** The pack's id (`Pack.id`). */
  id: string;
  /** 1 when advisors get suggestions from it; a number so it can be indexed. */
  active: 0 | 1;
  current: InstalledPackVersion;
  /** The version replaced by the last install, for rollback. */
  previous: InstalledPackVersion | null;
}

export interface TrustedKeyRecord {
  keyId: string;
  signer: string;
  /** SPKI DER, base64. */
  publicKey: string;
  /** ISO timestamp. */
  addedAt: string;
}
