/**
 * What every logged event says about its post, built from the adapter's
 * parsed post and the background's analysis. The author's name goes to the
 * background only to be hashed there; the text only if the advisor allowed
 * storing it.
 */
import { isPostLanguage } from '../domain/languages';
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

export function postLogContext(
  post: ParsedPost,
  analysis: PostAnalysis | null,
  options: { includeText: boolean; topic?: string | null },
): PostLogContext {
  const language = analysis?.language;
  const topic = options.topic ?? null;
  return {
    postKey: post.postKey,
    groupId: post.groupId,
    groupName: post.groupName,
    language: language === 'und' || (language && isPostLanguage(language)) ? language : null,
    topic: topic !== null && isTopic(topic) ? topic : null,
    isQuestion: analysis?.isQuestion ?? null,
    authorHash: null,
    authorName: post.anonymous ? null : post.authorName,
    postedAt: null,
    postText: options.includeText && post.text ? post.text.slice(0, MAX_POST_TEXT_LENGTH) : null,
  };
}
