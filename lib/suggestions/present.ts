/**
 * Turns the matcher's ranking into what the suggestion panel shows: the
 * texts of each answer (the post's language, or the visible fallback, and
 * the advisor's UI language beside it), the legal review record and the
 * pack's signature status. Pure: the background passes packs and trust in.
 */
import type { DetectedLanguage, PostLanguage, UiLanguage } from '../domain/languages';
import type { Topic } from '../domain/topics';
import type { MatchResult, Suggestion } from '../matching';
import type { Answer, Pack } from '../packs/schema';
import { MAX_POSSIBLE_TOPICS } from './schema';
import type { PostSuggestions, SignatureStatus, SuggestionPayload, SuggestionText } from './schema';

export interface PackTrust {
  status: SignatureStatus;
  signer: string | null;
}

export interface AnswerLookup {
  get(packId: string, answerId: string): { pack: Pack; answer: Answer } | undefined;
}

/** Indexes the answers of `packs` by pack and answer id. */
export function createAnswerLookup(packs: readonly Pack[]): AnswerLookup {
  const byKey = new Map<string, { pack: Pack; answer: Answer }>();
  for (const pack of packs) {
    for (const answer of pack.answers) byKey.set(`${pack.id}/${answer.id}`, { pack, answer });
  }
  return { get: (packId, answerId) => byKey.get(`${packId}/${answerId}`) };
}

function textIn(answer: Answer, language: PostLanguage): SuggestionText | null {
  const text = answer.texts[language];
  return text ? { language, title: text.title, body: text.body } : null;
}

/** The first of `languages` the answer has a text in. */
function firstText(
  answer: Answer,
  languages: readonly (PostLanguage | undefined)[],
): SuggestionText | null {
  for (const language of languages) {
    if (!language) continue;
    const text = textIn(answer, language);
    if (text) return text;
  }
  const [language] = Object.keys(answer.texts) as PostLanguage[];
  return language ? textIn(answer, language) : null;
}

export function isExpired(answer: Answer, today: string): boolean {
  return answer.review.validUntil !== null && answer.review.validUntil < today;
}

/**
 * Reviewed means a lawyer approved it AND the pack does not call itself
 * example content ("example content — legal review pending" is not a review).
 */
export function isReviewed(pack: Pack, answer: Answer): boolean {
  return answer.review.status === 'approved' && !pack.exampleContent;
}

export interface PresentOptions {
  uiLanguage: UiLanguage;
  /** The topic's name in the UI language. */
  topicLabel(topic: Topic): string;
  /** `YYYY-MM-DD`, for the expiry check. */
  today: string;
  trustOf(packId: string): PackTrust;
}

export function presentSuggestion(
  suggestion: Suggestion,
  found: { pack: Pack; answer: Answer },
  postLanguage: DetectedLanguage,
  options: PresentOptions,
): SuggestionPayload | null {
  const { pack, answer } = found;
  const reply = firstText(answer, [
    suggestion.textLanguage,
    postLanguage === 'und' ? undefined : postLanguage,
    options.uiLanguage,
    pack.canonicalLanguage,
  ]);
  if (!reply) return null;
  const ui =
    reply.language === options.uiLanguage
      ? null
      : firstText(answer, [options.uiLanguage, options.uiLanguage === 'de' ? 'en' : 'de']);
  const translation = ui && ui.language !== reply.language ? ui : null;
  return {
    answerId: answer.id,
    packId: pack.id,
    packVersion: pack.version,
    packTitle: pack.title,
    topic: answer.topic,
    kind: answer.kind,
    score: Math.min(1, Math.max(0, suggestion.score)),
    level: suggestion.level,
    matchedTerms: suggestion.matchedTerms.slice(0, 30).map((term) => term.slice(0, 100)),
    fallback: postLanguage !== 'und' && reply.language !== postLanguage,
    reply,
    translation,
    placeholders: answer.placeholders,
    links: answer.links.filter((link) => link.url.startsWith('https://')),
    review: {
      status: answer.review.status,
      reviewer: answer.review.reviewer,
      reviewedAt: answer.review.reviewedAt,
      validUntil: answer.review.validUntil,
      legalBasis: answer.review.legalBasis,
    },
    exampleContent: pack.exampleContent,
    reviewed: isReviewed(pack, answer),
    expired: isExpired(answer, options.today),
    signature: options.trustOf(pack.id),
  };
}

export function presentMatch(
  postKey: string,
  result: MatchResult,
  answers: AnswerLookup,
  options: PresentOptions,
): PostSuggestions {
  const suggestions: SuggestionPayload[] = [];
  for (const suggestion of result.suggestions) {
    const found = answers.get(suggestion.packId, suggestion.answerId);
    const payload = found && presentSuggestion(suggestion, found, result.language, options);
    if (payload) suggestions.push(payload);
  }
  const likely = suggestions.some((s) => s.level === 'likely');
  const topic = likely ? result.topic : 'off-topic';
  return {
    postKey,
    language: result.language,
    topic,
    topicLabel: options.topicLabel(topic),
    suggestions,
    possibleTopics: likely ? [] : result.possibleTopics.slice(0, MAX_POSSIBLE_TOPICS),
  };
}
