/**
 * Keyed fallback post keys (docs/ARCHITECTURE.md#keyed-fallback-post-keys).
 *
 * A post without a Facebook id gets the key `fbh:<FNV-1a of author, text …>`
 * from the content script (lib/sites/facebook/parser.ts). That digest is
 * unkeyed: anyone holding it can test guesses of author and text against it
 * (security review finding 8). The content script cannot key it, because the
 * installation secret must stay out of its reach, so the background keys it
 * on the way in: every post key that is stored, or looked up in storage,
 * passes through `keyPostKey`, which turns `fbh:…` into
 * `fbk:` + base64url(HMAC-SHA-256(k, "fbh:…")) cut to 128 bits, where k is
 * derived from the installation secret for this purpose only (so a post key
 * never equals an author hash or an export pseudonym). Other keys (`fb:<id>`,
 * already keyed `fbk:`) pass unchanged, so the function is idempotent and the
 * content script's lookups find the records its events created.
 *
 * Pure (WebCrypto only): the background, the dashboard, the database upgrade
 * and tests use it with the secret they hold.
 */

export const UNKEYED_FALLBACK_PREFIX = 'fbh:';
export const KEYED_FALLBACK_PREFIX = 'fbk:';

/** Post key in, post key out: `fbh:` keys keyed, all others unchanged. */
export type PostKeyKeyer = (postKey: string) => Promise<string>;

const DOMAIN = 'outreach-advisor/fallback-post-keys/v1';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function isUnkeyedFallbackKey(postKey: string): boolean {
  return postKey.startsWith(UNKEYED_FALLBACK_PREFIX);
}

const keyers = new WeakMap<Uint8Array, Promise<PostKeyKeyer>>();

/** A keyer for `secret` (the installation secret's bytes); cached per secret. */
export function createPostKeyKeyer(secret: Uint8Array<ArrayBuffer>): Promise<PostKeyKeyer> {
  let keyer = keyers.get(secret);
  if (keyer === undefined) {
    keyer = buildKeyer(secret);
    keyers.set(secret, keyer);
  }
  return keyer;
}

async function buildKeyer(secret: Uint8Array<ArrayBuffer>): Promise<PostKeyKeyer> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const params = { name: 'HMAC', hash: 'SHA-256' } as const;
  const root = await crypto.subtle.importKey('raw', secret, params, false, ['sign']);
  const derived = await crypto.subtle.importKey(
    'raw',
    await crypto.subtle.sign('HMAC', root, encode(DOMAIN)),
    params,
    false,
    ['sign'],
  );
  const cache = new Map<string, string>();
  return async (postKey) => {
    if (!isUnkeyedFallbackKey(postKey)) return postKey;
    let keyed = cache.get(postKey);
    if (keyed === undefined) {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', derived, encode(postKey)));
      keyed = `${KEYED_FALLBACK_PREFIX}${toBase64Url(mac.subarray(0, 16))}`;
      if (cache.size > 10_000) cache.clear();
      cache.set(postKey, keyed);
    }
    return keyed;
  };
}

/** `items` with every `fbh:` post key keyed; items without one are returned as they are. */
export async function keyPostKeysOf<T extends { postKey: string }>(
  items: readonly T[],
  keyer: PostKeyKeyer,
): Promise<T[]> {
  return Promise.all(
    items.map(async (item) =>
      isUnkeyedFallbackKey(item.postKey) ? { ...item, postKey: await keyer(item.postKey) } : item,
    ),
  );
}
