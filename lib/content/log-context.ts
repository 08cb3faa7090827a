/**
 * What every logged event says about its post, built from the adapter's
 * parsed post and the background's analysis. The author's name goes to the
 * background only to be hashed there; the text only if the advisor allowed
 * storing it.
 */
import { isPostLanguage } from '../domain/languages';
import { cutText, LIMITS } from '../domain/limits';
import { isTopic } from '../domain/topics';
import type { LogEventRequest } from '../log/events';
import { MAX_POST_TEXT_LENGTH } from '../log/events';
import type { PostAnalysis } from '../messaging/protocol';
import type { ParsedPost } from '../sites/types';

export type PostLogContext = Pick<
  LogEventRequest,
  | 'postKey'
  | 'groupId'
  | 'groupName'
  | 'language'
  | 'topic'
  | 'isQuestion'
  | 'authorHash'
  | 'authorName'
  | 'postedAt'
  | 'postText'
>;

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

// Relative time labels of Facebook's English and German UIs ("12 min", "3 h",
// "2 Std.", "5 d", "1 T.", "2 w", "3 Wo."), mapped to a unit letter.
const RELATIVE_TIME =
  /^(\d{1,3})\s*(s|sec|secs|sek\.?|m|min|mins|min\.|h|hr|hrs|std\.?|d|t\.?|tg\.?|w|wk|wks|wo\.?)$/i;
const UNIT_OF: Record<string, string> = {
  sec: 's',
  secs: 's',
  sek: 's',
  min: 'm',
  mins: 'm',
  hr: 'h',
  hrs: 'h',
  std: 'h',
  t: 'd',
  tg: 'd',
  wk: 'w',
  wks: 'w',
  wo: 'w',
};

/**
 * When the post was published, from the relative time label the page shows
 * (for "time from post to reply"). Null for absolute dates and anything
 * unrecognised: an unknown time is better than a wrong one.
 */
export function postedAtFromLabel(label: string | null, now: number): number | null {
  if (!label) return null;
  const text = label.trim().toLowerCase();
  if (text === 'just now' || text === 'gerade eben' || text === 'jetzt') return now;
  const match = RELATIVE_TIME.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const raw = match[2].replace(/\.$/, '');
  const unit = UNIT_OF[raw] ?? raw;
  const ms = UNIT_MS[unit];
  return ms === undefined ? null : now - Number(match[1]) * ms;
}

export function postLogContext(
  post: ParsedPost,
  analysis: PostAnalysis | null,
  options: { includeText: boolean; topic?: string | null; now?: number },
): PostLogContext {
  const language = analysis?.language;
  const topic = options.topic ?? null;
  return {
    // Cut to what the log schema accepts, whatever the adapter produced (review finding 4).
    postKey: cutText(post.postKey, LIMITS.postKey),
    groupId: cutText(post.groupId, LIMITS.groupId),
    groupName: cutText(post.groupName, LIMITS.groupName),
    language: language === 'und' || (language && isPostLanguage(language)) ? language : null,
    topic: topic !== null && isTopic(topic) ? topic : null,
    isQuestion: analysis?.isQuestion ?? null,
    authorHash: null,
    authorName: post.anonymous ? null : cutText(post.authorName, LIMITS.authorName),
    postedAt: postedAtFromLabel(post.timeLabel, options.now ?? Date.now()),
    postText: options.includeText && post.text ? post.text.slice(0, MAX_POST_TEXT_LENGTH) : null,
  };
}
