/**
 * Team pseudonyms for posts without a Facebook id
 * (docs/TEAM-SYNC.md#colleagues).
 *
 * Such a post's key arrives from the content script as an unkeyed
 * fingerprint (`fbh:`) and is stored keyed with this installation's secret
 * (`fbk:`, docs/ARCHITECTURE.md#keyed-fallback-post-keys), which differs
 * between colleagues by design. So that colleagues still recognise the same
 * post, the background notes, while the fingerprint is in hand, the team
 * pseudonym of the fingerprint for the stored key. Batches and posts
 * documents then name the post by that pseudonym, and the workspace's
 * lookup (which holds the fingerprint) computes the same one.
 *
 * Only while connected, and only for posts seen since: an `fbk:` key with no
 * note falls back to the plain team pseudonym of the stored key.
 */
import type { OutreachDatabase } from '../db/database';
import { TEAM_CONNECTION_ID } from '../db/database';
import type { IdPseudonymiser } from '../log/export-signing';
import { isUnkeyedFallbackKey, KEYED_FALLBACK_PREFIX } from '../privacy/post-key';
import { teamPseudonymiser } from './team-key';

/** The team secret of the stored connection, or null when not connected. */
async function connectedSecret(db: OutreachDatabase): Promise<string | null> {
  const value = (await db.secrets.get(TEAM_CONNECTION_ID))?.value as
    { secret?: unknown } | undefined;
  return typeof value?.secret === 'string' ? value.secret : null;
}

/**
 * Notes the team pseudonym of each `fbh:` fingerprint under its stored key.
 * `pairs` are [fingerprint, stored key]; other keys are skipped.
 */
export async function noteTeamPostKeys(
  db: OutreachDatabase,
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  const fallback = pairs.filter(([raw]) => isUnkeyedFallbackKey(raw));
  if (fallback.length === 0) return;
  const secret = await connectedSecret(db);
  if (secret === null) return;
  const pseudonymise = await teamPseudonymiser(secret);
  const records = [];
  for (const [raw, stored] of fallback) {
    records.push({ postKey: stored, team: await pseudonymise('post', raw) });
  }
  await db.teamPostKeys.bulkPut(records);
}

/**
 * The team pseudonymiser for a batch: `fbk:` keys with a note get the
 * fingerprint's pseudonym, everything else the team pseudonym of itself.
 */
export async function batchPseudonymiser(
  db: OutreachDatabase,
  secret: string,
  postKeys: readonly string[],
): Promise<IdPseudonymiser> {
  const base = await teamPseudonymiser(secret);
  const keyed = [...new Set(postKeys.filter((key) => key.startsWith(KEYED_FALLBACK_PREFIX)))];
  const noted = new Map<string, string>();
  for (const record of await db.teamPostKeys.bulkGet(keyed)) {
    if (record) noted.set(record.postKey, record.team);
  }
  return async (kind, raw) => (kind === 'post' ? noted.get(raw) : undefined) ?? base(kind, raw);
}
