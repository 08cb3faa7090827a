/**
 * Signed log exports (review finding 6): each installation signs its JSON
 * exports with its own advisor key (ECDSA P-256 / SHA-256), so a supervisor
 * can tell a file an advisor really exported from one anybody could have
 * written — a plain checksum can be recomputed by whoever edits the file.
 *
 * The scheme is the packs' (lib/packs/signing.ts, whose key-file format,
 * key ids and base64 helpers are reused here): the RFC 8785 canonical JSON
 * of the envelope without its `signature`, as UTF-8, signed as IEEE P1363.
 * Which keys a supervisor trusts for logs is kept apart from the pack keys:
 * trusting a colleague's records is not trusting them to publish legal
 * answers.
 *
 * Also the keyed pseudonyms for post keys and group ids (finding 8).
 *
 * Pure: `crypto.subtle` only; the private key is a CryptoKey handed in by the
 * caller (non-extractable in the extension, lib/log/advisor-keys.ts).
 */
import canonicalize from 'canonicalize';
import type { PublicKeyFile, TrustedKey } from '../packs/signing';
import { base64ToBytes, bytesToBase64, keyIdOf, SIGNATURE_ALGORITHM } from '../packs/signing';

export { SIGNATURE_ALGORITHM };
export type { TrustedKey };

const KEY_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** What signing needs: the private key (usually non-extractable) and its public half. */
export interface ExportSigningKey {
  privateKey: CryptoKey;
  /** SPKI DER, base64. */
  publicKey: string;
  keyId: string;
  /** The label the key was made with (the advisor's pseudonym then). */
  signer: string;
  createdAt: string;
}

/** A fresh key pair; the private half cannot be exported from the CryptoKey. */
export async function createExportSigningKey(
  signer: string,
  now: Date = new Date(),
): Promise<ExportSigningKey> {
  const pair = await crypto.subtle.generateKey(KEY_PARAMS, false, ['sign', 'verify']);
  const publicKey = bytesToBase64(
    new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
  );
  return {
    privateKey: pair.privateKey,
    publicKey,
    keyId: await keyIdOf(publicKey),
    signer,
    createdAt: now.toISOString(),
  };
}

/** The public key file a supervisor imports to trust this advisor (same format as pack keys). */
export function toPublicKeyFile(key: ExportSigningKey): PublicKeyFile {
  return {
    format: 'outreach-advisor-public-key',
    algorithm: SIGNATURE_ALGORITHM,
    signer: key.signer,
    keyId: key.keyId,
    publicKey: key.publicKey,
    createdAt: key.createdAt,
  };
}

/** JCS of `value` as UTF-8: the bytes that are signed. */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('The export cannot be serialised.');
  return new TextEncoder().encode(text);
}

export async function signBytes(key: ExportSigningKey, bytes: Uint8Array<ArrayBuffer>) {
  return bytesToBase64(
    new Uint8Array(await crypto.subtle.sign(SIGN_PARAMS, key.privateKey, bytes)),
  );
}

/** True when `value` is a valid signature of `bytes` by the SPKI key `publicKey` with id `keyId`. */
export async function verifyBytes(
  publicKey: string,
  keyId: string,
  value: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    if ((await keyIdOf(publicKey)) !== keyId) return false;
    const key = await crypto.subtle.importKey('spki', base64ToBytes(publicKey), KEY_PARAMS, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(SIGN_PARAMS, key, base64ToBytes(value), bytes);
  } catch {
    return false;
  }
}

const toHex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Replaces a raw identifier by a keyed pseudonym; the same value gives the same pseudonym. */
export type IdPseudonymiser = (kind: 'post' | 'group', raw: string) => Promise<string>;

/** Prefix of pseudonymised ids, so nobody mistakes them for Facebook's. */
export const PSEUDONYM_PREFIX = 'h:';

/**
 * HMAC-SHA-256 with a key derived from the installation secret (domain
 * "export-ids", so an id pseudonym never equals an author hash), truncated to
 * 128 bits: enough to keep posts apart, useless for looking a post up.
 */
export async function createIdPseudonymiser(
  secret: Uint8Array<ArrayBuffer>,
): Promise<IdPseudonymiser> {
  const hmac = (key: CryptoKey, text: string) =>
    crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
  const root = await crypto.subtle.importKey(
    'raw',
    secret,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const derived = await crypto.subtle.importKey(
    'raw',
    await hmac(root, 'outreach-advisor/export-ids/v1'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const cache = new Map<string, string>();
  return async (kind, raw) => {
    const input = `${kind}\u0000${raw}`;
    let value = cache.get(input);
    if (value === undefined) {
      value = `${PSEUDONYM_PREFIX}${toHex(await hmac(derived, input)).slice(0, 32)}`;
      cache.set(input, value);
    }
    return value;
  };
}
