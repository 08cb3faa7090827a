/**
 * The events the workspace logs (lib/log/events.ts), built from a post of the
 * snapshot. Same context as the content script's `postLogContext`: the
 * author's name goes to the background in clear only to be hashed there,
 * the text only when the advisor allowed storing it.
 */
import { isPostLanguage } from '../../lib/domain/languages';
import { cutText, LIMITS } from '../../lib/domain/limits';
import type { Topic } from '../../lib/domain/topics';
import { postedAtFromLabel, type PostLogContext } from '../../lib/content/log-context';
import type {
  AnswerChoiceSource,
  CaseOutcome,
  EscalationKind,
  LogEventRequest,
} from '../../lib/log/events';
import { createEventId, MAX_NOTE_LENGTH, MAX_POST_TEXT_LENGTH } from '../../lib/log/events';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { WorkspacePost } from '../../lib/workspace/protocol';

export interface LogContextOptions {
  topic: Topic | null;
  includeText: boolean;
  now?: number;
}

export function workspaceLogContext(
  post: WorkspacePost,
  options: LogContextOptions,
): PostLogContext {
  const language = post.analysis?.language ?? null;
  const now = options.now ?? Date.now();
  return {
    postKey: cutText(post.postKey, LIMITS.postKey),
    groupId: cutText(post.groupId, LIMITS.groupId),
    groupName: cutText(post.groupName, LIMITS.groupName),
    language: language === 'und' || (language && isPostLanguage(language)) ? language : null,
    topic: options.topic,
    isQuestion: post.analysis?.isQuestion ?? null,
    authorHash: null,
    authorName: post.anonymous ? null : cutText(post.authorName, LIMITS.authorName),
    postedAt: postedAtFromLabel(post.timeLabel, now),
    postText: options.includeText && post.text ? post.text.slice(0, MAX_POST_TEXT_LENGTH) : null,
  };
}

const base = (options: LogContextOptions) => ({
  id: createEventId(),
  at: options.now ?? Date.now(),
});

/** What a reply event says about the answer used. */
function replyFields(
  suggestion: SuggestionPayload,
  edited: boolean,
  chosenVia: AnswerChoiceSource,
) {
  return {
    answerId: suggestion.answerId,
    packId: suggestion.packId,
    packVersion: suggestion.packVersion,
    replyLanguage: suggestion.reply.language,
    edited,
    chosenVia,
  };
}

export function replyEvent(
  post: WorkspacePost,
  options: LogContextOptions,
  detail: {
    type: 'reply-inserted' | 'reply-copied';
    suggestion: SuggestionPayload;
    edited: boolean;
    chosenVia: AnswerChoiceSource;
  },
): LogEventRequest {
  return {
    ...workspaceLogContext(post, options),
    ...base(options),
    type: detail.type,
    ...replyFields(detail.suggestion, detail.edited, detail.chosenVia),
  };
}

/** "Not relevant" for one suggestion (`answerId`) or the whole post (null). */
export function notRelevantEvent(
  post: WorkspacePost,
  options: LogContextOptions,
  answerId: string | null,
): LogEventRequest {
  return {
    ...workspaceLogContext(post, options),
    ...base(options),
    type: 'not-relevant',
    answerId: answerId === null ? null : cutText(answerId, LIMITS.answerId),
  };
}

export function suggestionsShownEvent(
  post: WorkspacePost,
  options: LogContextOptions,
  answerIds: readonly string[],
): LogEventRequest {
  return {
    ...workspaceLogContext(post, options),
    ...base(options),
    type: 'suggestions-shown',
    answerIds: answerIds.slice(0, LIMITS.answerIdsPerEvent),
  };
}

/** The one case-documentation event (docs/PRODUCT.md#interaction-log). */
export function noteEvent(
  post: WorkspacePost,
  options: LogContextOptions,
  entry: {
    outcome: CaseOutcome;
    note: string;
    referredTo: string | null;
    escalation: EscalationKind | null;
  },
): LogEventRequest {
  const referredTo = entry.outcome === 'referred' ? entry.referredTo?.trim() || null : null;
  return {
    ...workspaceLogContext(post, options),
    ...base(options),
    type: 'note-added',
    outcome: entry.outcome,
    note: entry.note.trim().slice(0, MAX_NOTE_LENGTH),
    referredTo: referredTo === null ? null : referredTo.slice(0, LIMITS.referredTo),
    escalation: entry.outcome === 'escalated' ? entry.escalation : null,
  };
}

/**
 * The advisor replied to a comment with the correction of the claim it
 * repeats: "myth corrected", counted per claim (docs/PRODUCT.md#misinformation-in-comments).
 */
export function claimCorrectedEvent(
  post: WorkspacePost,
  options: LogContextOptions,
  detail: {
    suggestion: SuggestionPayload;
    edited: boolean;
    claimId: string;
    commentKey: string;
  },
): LogEventRequest {
  return {
    ...workspaceLogContext(post, options),
    ...base(options),
    type: 'claim-corrected',
    ...replyFields(detail.suggestion, detail.edited, 'suggestion'),
    claimId: cutText(detail.claimId, LIMITS.answerId),
    commentKey: cutText(detail.commentKey, LIMITS.commentKey),
  };
}
