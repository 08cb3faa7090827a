/**
 * The team secret (docs/TEAM-SYNC.md#team-secret): 32 random bytes the
 * supervisor creates and hands to the team with the connection, never to the
 * server. Everything the team shares names posts and group ids by keyed
 * pseudonyms made with it (the export pseudonymiser, lib/log/export-signing.ts,
 * with the team secret instead of the installation's), so
 * - colleagues' workspaces recognise a post a colleague documented,
 * - the supervisor counts a post two advisors saw once,
 * - the server, which never sees the secret, cannot tell which post a
 *   record is about (groups keep their public names, as in an export).
 *
 * The connection code bundles the database address and the secret, so the
 * supervisor passes on one line; each advisor adds their own user name and
 * password.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import type { IdPseudonymiser } from '../log/export-signing';
import { createIdPseudonymiser } from '../log/export-signing';

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const teamSecretSchema = lazySchema(() => z.string().check(z.regex(SECRET_PATTERN)));
/** How every connection code starts (the format's version is in it). */
export const CONNECTION_CODE_PREFIX = 'oa-team-1.';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A fresh team secret (base64url, 43 characters). */
export function createTeamSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export function teamPseudonymiser(secret: string): Promise<IdPseudonymiser> {
  if (!SECRET_PATTERN.test(secret)) throw new Error('The team secret is not valid.');
  return createIdPseudonymiser(fromBase64Url(secret));
}

/**
 * The team database's address: https, or http on this machine only (a test
 * server or an admin's tunnel). No credentials, query or fragment in it.
 */
export function parseTeamDatabaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('The team database address is not a web address.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error('The team database address must start with https://.');
  }
  if (url.username || url.password) {
    throw new Error(
      'Leave the user name and password out of the address; they have their own fields.',
    );
  }
  if (url.search || url.hash) {
    throw new Error('The team database address cannot have a query (?) or fragment (#).');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!/^(\/[^/]+)+$/.test(path)) {
    throw new Error(
      'The address must end with the database name, e.g. https://couch.example.org/outreach-team.',
    );
  }
  url.pathname = path;
  return url;
}

const codeSchema = lazySchema(() =>
  z.object({ url: z.string().check(z.maxLength(500)), secret: teamSecretSchema }),
);

/** One line with the database address and the team secret. */
export function encodeConnectionCode(url: string, secret: string): string {
  const json = JSON.stringify({ url: parseTeamDatabaseUrl(url).href, secret });
  return CONNECTION_CODE_PREFIX + toBase64Url(new TextEncoder().encode(json));
}

export function decodeConnectionCode(code: string): { url: string; secret: string } {
  const text = code.trim();
  if (!text.startsWith(CONNECTION_CODE_PREFIX)) {
    throw new Error(
      `This is not an Outreach Advisor team connection code (it starts with "${CONNECTION_CODE_PREFIX}").`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      new TextDecoder().decode(fromBase64Url(text.slice(CONNECTION_CODE_PREFIX.length))),
    );
  } catch {
    throw new Error('The team connection code is damaged; copy it again in full.');
  }
  const result = codeSchema.safeParse(parsed);
  if (!result.success)
    throw new Error('The team connection code is damaged; copy it again in full.');
  return { url: parseTeamDatabaseUrl(result.data.url).href, secret: result.data.secret };
}
