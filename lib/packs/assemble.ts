/**
 * Putting a pack together from its sources: header fields plus one answer per
 * file, as the default pack is kept in `packs/default/`. The order is fixed
 * (taxonomy order of topics, then id) so the assembled file only changes when
 * content changes, and diffs stay readable.
 */
import { TOPICS } from '../domain/topics';
import type { Answer, Pack } from './schema';

export type PackHeader = Omit<Pack, 'answers' | 'signature'>;

export function compareAnswers(
  a: Pick<Answer, 'topic' | 'id'>,
  b: Pick<Answer, 'topic' | 'id'>,
): number {
  const byTopic = TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic);
  if (byTopic !== 0) return byTopic;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The pack with answers in canonical order; header keys come first, then the
 * answers, then the referral directory (by id) when there is one.
 */
export function assemblePack(header: PackHeader, answers: readonly Answer[]): Pack {
  const { referrals, ...rest } = header;
  return {
    ...rest,
    answers: [...answers].sort(compareAnswers),
    ...(referrals && {
      referrals: [...referrals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }),
  };
}

/** How packs are written to disk: two-space JSON with a final newline. */
export function serialisePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
