/**
 * Authors become keyed hashes before anything about them is stored or sent
 * for storage (docs/PRODUCT.md#privacy): HMAC-SHA-256 over the
 * normalised display name with a per-installation secret, so the same
 * person gets the same pseudonym on this installation and no other
 * installation (or anyone reading an export) can reverse or link it.
 *
 * Runs in the background and on extension pages (WebCrypto + the extension's
 * IndexedDB); the content script sends names only to the background, never
 * stores them, and cannot read the secret: since database version 3 it lives
 * in the `secrets` table, not in storage.local (review finding 15). A secret
 * still found in storage.local is moved over (same secret, so old hashes
 * stay comparable) and removed there.
 */
import { storage } from 'wxt/utils/storage';
import type { OutreachDatabase } from '../db/database';
import {
  getDatabase,
  INSTALLATION_SECRET_ID,
  LEGACY_INSTALLATION_SECRET_KEY,
} from '../db/database';

const SECRET_BYTES = 32;
const isSecretHex = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

let pendingSecret: Promise<Uint8Array<ArrayBuffer>> | undefined;

async function loadSecret(db: OutreachDatabase): Promise<string> {
  const legacy = await storage.getItem<string>(LEGACY_INSTALLATION_SECRET_KEY);
  const candidate = isSecretHex(legacy)
    ? legacy
    : toHex(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
  // Get-or-add in one transaction: the background and a page may both ask first.
  const secret = await db.transaction('rw', db.secrets, async () => {
    const stored = await db.secrets.get(INSTALLATION_SECRET_ID);
    if (isSecretHex(stored?.value)) return stored.value;
    await db.secrets.put({ id: INSTALLATION_SECRET_ID, value: candidate });
    return candidate;
  });
  if (legacy !== null) await storage.removeItem(LEGACY_INSTALLATION_SECRET_KEY);
  return secret;
}

/** The installation's secret, created (32 random bytes) on first use. */
export function getInstallationSecret(
  db: OutreachDatabase = getDatabase(),
): Promise<Uint8Array<ArrayBuffer>> {
  pendingSecret ??= loadSecret(db)
    .then(fromHex)
    .catch((error: unknown) => {
      pendingSecret = undefined;
      throw error;
    });
  return pendingSecret;
}

/** Same person, same pseudonym: case, spacing and Unicode form do not matter. */
export function normaliseAuthorName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('und');
}

/** HMAC-SHA-256 of the normalised name with `secret`, as 64 hex digits. */
export async function hashAuthorWithSecret(
  name: string,
  secret: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    secret,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(normaliseAuthorName(name)),
  );
  return toHex(signature);
}

/** The author's pseudonym on this installation. */
export async function hashAuthor(name: string): Promise<string> {
  return hashAuthorWithSecret(name, await getInstallationSecret());
}

/** For tests: forget the cached secret so the next call reads storage again. */
export function resetAuthorHashCache(): void {
  pendingSecret = undefined;
}
