/**
 * "A colleague documented this post" (docs/TEAM-SYNC.md#colleagues).
 *
 * Colleagues' posts documents list the posts they documented as team
 * pseudonyms. Fetching them stores the marks locally; the workspace asks for
 * the posts it shows, by their keys, and gets the colleagues' marks back.
 * The lookup pseudonymises the key with the team secret, so nothing about
 * the post leaves the browser.
 *
 * Posts are recognised by Facebook's id (`fb:`) or, for a post without one,
 * by the team pseudonym of its fingerprint (lib/team/post-keys.ts).
 */
import type { OutreachDatabase } from '../db/database';
import { isUnkeyedFallbackKey } from '../privacy/post-key';
import type { TeamPostMark } from './documents';
import { parseTeamDocId, postsDocSchema } from './documents';
import { MAX_MARK_LOOKUP, MAX_MARKS_ANSWER } from './messages';
import type { TeamServer } from './server';
import { readChanges } from './server';
import { readStatusRecord, updateStatusRecord } from './status';
import { teamPseudonymiser } from './team-key';

const DOCS_CHUNK = 100;

export interface ColleagueMark {
  postKey: string;
  user: string;
  at: number;
  kind: TeamPostMark['kind'];
}

/**
 * Fetches colleagues' posts documents added since the last fetch (own ones
 * skipped) and stores their marks. Returns how many marks were new.
 */
export async function fetchColleaguePosts(
  db: OutreachDatabase,
  server: TeamServer,
  user: string,
): Promise<number> {
  const { revs, lastSeq } = await readChanges(server, (await readStatusRecord(db)).postsSeq);
  const ids = [...revs]
    .filter(([id, rev]) => {
      const parsed = parseTeamDocId(id);
      return rev !== null && parsed?.kind === 'posts' && parsed.user !== user;
    })
    .map(([id]) => id);
  let stored = 0;
  for (let start = 0; start < ids.length; start += DOCS_CHUNK) {
    const docs = await server.getDocs(ids.slice(start, start + DOCS_CHUNK));
    const marks = [];
    for (const doc of docs) {
      const parsed = postsDocSchema.safeParse(doc);
      // A document that does not parse, or whose user is not its id's, is not a colleague's mark.
      if (!parsed.success || parseTeamDocId(parsed.data._id)?.user !== parsed.data.user) continue;
      for (const post of parsed.data.posts) marks.push({ ...post, user: parsed.data.user });
    }
    await db.teamPosts.bulkPut(marks);
    stored += marks.length;
  }
  await updateStatusRecord(db, { postsSeq: lastSeq });
  await updateStatusRecord(db, { postsFetchedAt: Date.now() });
  return stored;
}

/** Colleagues' marks on `postKeys` (Facebook post keys), newest first per post. */
export async function colleagueMarks(
  db: OutreachDatabase,
  secret: string,
  ownUser: string,
  postKeys: readonly string[],
): Promise<ColleagueMark[]> {
  const pseudonymise = await teamPseudonymiser(secret);
  const byPseudonym = new Map<string, string>();
  for (const postKey of postKeys.slice(0, MAX_MARK_LOOKUP)) {
    // Facebook's id, or the fingerprint of a post without one (lib/team/post-keys.ts).
    if (!postKey.startsWith('fb:') && !isUnkeyedFallbackKey(postKey)) continue;
    byPseudonym.set(await pseudonymise('post', postKey), postKey);
  }
  if (byPseudonym.size === 0) return [];
  const records = await db.teamPosts
    .where('key')
    .anyOf([...byPseudonym.keys()])
    .toArray();
  return (
    records
      .filter((record) => record.user !== ownUser)
      .map((record) => ({
        postKey: byPseudonym.get(record.key) ?? '',
        user: record.user,
        at: record.at,
        kind: record.kind,
      }))
      .sort((a, b) => b.at - a.at)
      // The answer's limit: the newest marks, never an answer the schema would refuse.
      .slice(0, MAX_MARKS_ANSWER)
  );
}
