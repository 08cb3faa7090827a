/**
 * Signing and verifying packs with WebCrypto ECDSA P-256 / SHA-256.
 *
 * What is signed: the RFC 8785 (JCS) canonical JSON of the pack without its
 * `signature` and `$schema` fields, as UTF-8. Canonical JSON makes the
 * signature independent of indentation, key order and number formatting, so
 * a pack can be re-serialised (by the store, the CLI, a spreadsheet round
 * trip) and still verify; any change to a value, down to one character, does
 * not. Signatures are IEEE P1363 (r‖s), which is what WebCrypto produces.
 *
 * Signature format 2 (`signature.format: 2`, written since review finding
 * 12) also signs the signature block itself except its `value`: signer name,
 * signing time, key id and public key. Format 1 (no `format` field) signed the
 * content only, so its `signer` and `signedAt` could be relabelled without
 * breaking it; it still verifies. Whatever a pack claims, the name shown for a
 * trusted pack is the label the user gave the trusted key (`trustedAs`).
 *
 * Pure: uses only `globalThis.crypto.subtle`, `TextEncoder`, `btoa`/`atob`,
 * available in Node 20, Chromium and Firefox alike.
 */
import canonicalize from 'canonicalize';
import * as z from 'zod';
import { normaliseLink } from './links';
import type { Pack, PackSignature } from './schema';

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256' as const;
const KEY_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** A public key as shared with supervisors: safe to publish. */
export const publicKeyFileSchema = z.strictObject({
  format: z.literal('outreach-advisor-public-key'),
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  signer: z.string().min(1).max(200),
  /** SHA-256 of the SPKI DER, lowercase hex. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  /** SPKI DER, base64. */
  publicKey: z.string().min(1).max(1000),
  createdAt: z.string(),
});
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

/** A private key: stays with the publisher, never in a pack or the extension. */
export const privateKeyFileSchema = z.strictObject({
  format: z.literal('outreach-advisor-private-key'),
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  signer: z.string().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: z.string().min(1).max(1000),
  /** The private key as a JWK (P-256, includes `d`). */
  privateKeyJwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), d: z.string() }),
  createdAt: z.string(),
});
export type PrivateKeyFile = z.infer<typeof privateKeyFileSchema>;

/** A key the supervisor trusts, as the verifier needs it. */
export interface TrustedKey {
  keyId: string;
  signer: string;
  /** SPKI DER, base64. */
  publicKey: string;
}

export type VerificationResult =
  /** Signed, the signature matches, and the key is one the user trusts. */
  | {
      status: 'trusted';
      keyId: string;
      /** The label the user gave the trusted key (same as `trustedAs`). */
      signer: string;
      /** Format 1 does not sign it; trust it only with format 2. */
      signedAt: string;
      trustedAs: string;
      /** The name the signature block claims. */
      claimedSigner: string;
      format: number;
    }
  /** Signed and the signature matches, but by a key nobody marked as trusted. */
  | { status: 'unknown-signer'; keyId: string; signer: string; signedAt: string }
  /** No signature at all. */
  | { status: 'unsigned' }
  /** A signature that does not match the content (or is malformed): refuse the pack. */
  | { status: 'invalid'; reason: string };

export type VerificationStatus = VerificationResult['status'];

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error('WebCrypto (crypto.subtle) is not available in this environment');
  return api;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const toHex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The key id: SHA-256 over the SPKI DER, hex. */
export async function keyIdOf(publicKeyBase64: string): Promise<string> {
  return toHex(await subtle().digest('SHA-256', base64ToBytes(publicKeyBase64)));
}

function canonicalLink(url: string): string {
  try {
    return normaliseLink(url);
  } catch {
    return url; // not a URL: the schema refuses the pack anyway
  }
}

/** The signature format `signPack` writes. */
export const SIGNATURE_FORMAT = 2;

/**
 * The exact bytes that are signed. Format 1: JCS of the pack minus signature
 * and $schema. Format 2: JCS of `{content, signature}`, where `content` is the
 * same and `signature` is the signature block without its `value`.
 */
export function canonicalPackBytes(
  pack: Pack,
  signature?: Omit<PackSignature, 'value'>,
): Uint8Array<ArrayBuffer> {
  const { signature: _signature, $schema: _schema, ...raw } = pack;
  // Answer links in the form the parser stores them (links.ts), so a pack signed
  // before or after reading verifies the same: `https://x.example` and
  // `https://x.example/` are one link.
  const content = {
    ...raw,
    answers: raw.answers.map((answer) => ({
      ...answer,
      links: answer.links.map((link) => ({ ...link, url: canonicalLink(link.url) })),
    })),
    // The referral directory's links likewise (absent stays absent: older
    // signatures cover packs without one).
    ...(raw.referrals && {
      referrals: raw.referrals.map((target) => ({
        ...target,
        url: canonicalLink(target.url),
        ...(target.source !== undefined && { source: canonicalLink(target.source) }),
      })),
    }),
  };
  const signed =
    signature === undefined || signature.format === undefined
      ? content
      : { content, signature: { ...signature, value: undefined } };
  const text = canonicalize(signed);
  if (text === undefined) throw new Error('pack cannot be serialised');
  return new TextEncoder().encode(text);
}

export async function generateSigningKeys(
  signer: string,
  now: Date = new Date(),
): Promise<{ privateKey: PrivateKeyFile; publicKey: PublicKeyFile }> {
  const pair = await subtle().generateKey(KEY_PARAMS, true, ['sign', 'verify']);
  const spki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey));
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  const publicKey = bytesToBase64(spki);
  const keyId = await keyIdOf(publicKey);
  const createdAt = now.toISOString();
  const privateKeyJwk = privateKeyFileSchema.shape.privateKeyJwk.parse(jwk);
  return {
    privateKey: {
      format: 'outreach-advisor-private-key',
      algorithm: SIGNATURE_ALGORITHM,
      signer,
      keyId,
      publicKey,
      privateKeyJwk,
      createdAt,
    },
    publicKey: {
      format: 'outreach-advisor-public-key',
      algorithm: SIGNATURE_ALGORITHM,
      signer,
      keyId,
      publicKey,
      createdAt,
    },
  };
}

/** Returns a copy of `pack` with a fresh signature; an old signature is replaced. */
export async function signPack(
  pack: Pack,
  key: PrivateKeyFile,
  now: Date = new Date(),
): Promise<Pack> {
  const privateKey = await subtle().importKey(
    'jwk',
    key.privateKeyJwk as JsonWebKey,
    KEY_PARAMS,
    false,
    ['sign'],
  );
  const { signature: _old, ...unsigned } = pack;
  const block: Omit<PackSignature, 'value'> = {
    format: SIGNATURE_FORMAT,
    algorithm: SIGNATURE_ALGORITHM,
    keyId: key.keyId,
    publicKey: key.publicKey,
    signer: key.signer,
    signedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const value = new Uint8Array(
    await subtle().sign(SIGN_PARAMS, privateKey, canonicalPackBytes(unsigned, block)),
  );
  return { ...unsigned, signature: { ...block, value: bytesToBase64(value) } };
}

/**
 * Checks the signature against the key embedded in the pack, then whether
 * that key is among `trusted`. A bad signature is `invalid` whoever signed.
 */
export async function verifyPack(
  pack: Pack,
  trusted: readonly TrustedKey[],
): Promise<VerificationResult> {
  const signature = pack.signature;
  if (!signature) return { status: 'unsigned' };
  let publicKey: CryptoKey;
  let signatureBytes: Uint8Array<ArrayBuffer>;
  try {
    if ((await keyIdOf(signature.publicKey)) !== signature.keyId) {
      return {
        status: 'invalid',
        reason: 'the key id does not belong to the public key in the signature',
      };
    }
    publicKey = await subtle().importKey(
      'spki',
      base64ToBytes(signature.publicKey),
      KEY_PARAMS,
      false,
      ['verify'],
    );
    signatureBytes = base64ToBytes(signature.value);
  } catch {
    return { status: 'invalid', reason: 'the signature or its public key is malformed' };
  }
  const matches = await subtle().verify(
    SIGN_PARAMS,
    publicKey,
    signatureBytes,
    canonicalPackBytes(pack, signature),
  );
  if (!matches) return { status: 'invalid', reason: 'the content was changed after signing' };
  const trustedKey = trusted.find(
    (k) => k.keyId === signature.keyId && k.publicKey === signature.publicKey,
  );
  if (!trustedKey) {
    return {
      status: 'unknown-signer',
      keyId: signature.keyId,
      signer: signature.signer,
      signedAt: signature.signedAt,
    };
  }
  // The trusted key's own label, not the name the pack claims (finding 12).
  return {
    status: 'trusted',
    keyId: signature.keyId,
    signer: trustedKey.signer,
    signedAt: signature.signedAt,
    trustedAs: trustedKey.signer,
    claimedSigner: signature.signer,
    format: signature.format ?? 1,
  };
}

/** Reads a public key file (as exported by `pack keygen`) into a trusted key, checking its id. */
export async function parsePublicKeyFile(input: unknown): Promise<TrustedKey> {
  const file = publicKeyFileSchema.parse(input);
  if ((await keyIdOf(file.publicKey)) !== file.keyId)
    throw new Error('keyId does not match the public key');
  await subtle().importKey('spki', base64ToBytes(file.publicKey), KEY_PARAMS, false, ['verify']);
  return { keyId: file.keyId, signer: file.signer, publicKey: file.publicKey };
}
