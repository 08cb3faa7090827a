/**
 * The reply an advisor posts from a suggestion: the checked body plus the
 * answer's links, with `{placeholders}` filled in, and the reasons to stop
 * and confirm before it is used. Pure, shared by the panel and its tests.
 */
import { linkLabelFor } from '../domain/link-label';
import type { SuggestionPayload } from './schema';

/**
 * The checked text as it starts out in the editor: body, then one line per
 * link, each labelled in the reply's language where the pack has that label.
 */
export function composeReply(suggestion: Pick<SuggestionPayload, 'reply' | 'links'>): string {
  const links = suggestion.links.map(
    (link) => `${linkLabelFor(link, suggestion.reply.language)}: ${link.url}`,
  );
  return links.length > 0
    ? `${suggestion.reply.body}\n\n${links.join('\n')}`
    : suggestion.reply.body;
}

/** Replaces `{name}` by its value wherever a value is given; empty values leave the marker. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z][a-zA-Z0-9_]*)\}/g, (marker, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    return value ? value : marker;
  });
}

/** Declared placeholders whose `{name}` marker is still in `text`. */
export function unfilledPlaceholders(text: string, names: readonly string[]): string[] {
  return names.filter((name) => text.includes(`{${name}}`));
}

export type ReplyWarning =
  | { kind: 'language'; replyLanguage: string; postLanguage: string }
  | { kind: 'expired'; validUntil: string }
  | { kind: 'not-reviewed'; status: string; exampleContent: boolean }
  | { kind: 'placeholder'; names: string[] };

/**
 * Why using this reply needs an explicit confirmation: its language differs
 * from the post's (or the post's is unclear), the legal review expired or
 * never happened, or a placeholder is still empty.
 */
export function replyWarnings(
  suggestion: Pick<
    SuggestionPayload,
    'reply' | 'review' | 'expired' | 'reviewed' | 'exampleContent' | 'placeholders'
  >,
  postLanguage: string,
  finalText: string,
): ReplyWarning[] {
  const warnings: ReplyWarning[] = [];
  if (suggestion.reply.language !== postLanguage) {
    warnings.push({ kind: 'language', replyLanguage: suggestion.reply.language, postLanguage });
  }
  if (suggestion.expired && suggestion.review.validUntil) {
    warnings.push({ kind: 'expired', validUntil: suggestion.review.validUntil });
  }
  if (!suggestion.reviewed) {
    warnings.push({
      kind: 'not-reviewed',
      status: suggestion.review.status,
      exampleContent: suggestion.exampleContent,
    });
  }
  const empty = unfilledPlaceholders(finalText, suggestion.placeholders);
  if (empty.length > 0) warnings.push({ kind: 'placeholder', names: empty });
  return warnings;
}
