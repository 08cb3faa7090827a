/**
 * `searchAnswers` in the background: the advisor's search over the whole
 * active pack (lib/matching/search.ts), for when matching misses or is
 * unsure (issue 12). It shares the matcher's cache (suggestions.ts), so the
 * search index is rebuilt exactly when the active packs change, and renders
 * hits with the suggestions' `presentSuggestion`, so the page shows a search
 * hit like a suggestion — always `possible`, since nobody judged the match.
 */
import type { Topic } from '../domain/topics';
import type { PackStore } from '../packs/store';
import { isoToday } from '../packs/validate';
import { presentSuggestion, type PackTrust } from '../suggestions/present';
import type {
  SearchAnswersRequest,
  SearchAnswersResponse,
  SuggestionPayload,
} from '../suggestions/schema';
import { suggestionPayloadSchema } from '../suggestions/schema';
import { currentMatcher, TOPIC_LABELS } from './suggestions';

/** Hits per search when the request names no limit. */
export const DEFAULT_SEARCH_RESULTS = 10;

export async function searchAnswers(
  request: SearchAnswersRequest,
  options: { store?: PackStore; now?: Date; ensurePacks?: () => Promise<unknown> } = {},
): Promise<SearchAnswersResponse> {
  const now = options.now ?? new Date();
  const { matcher, search, answers, trust } = await currentMatcher(
    options.store,
    now.getTime(),
    options.ensurePacks,
  );
  const postLanguage = request.postLanguage ?? 'und';
  const hits = search.search(request.query, {
    ...(request.postLanguage === undefined ? {} : { postLanguage: request.postLanguage }),
    uiLanguage: request.uiLanguage,
    limit: request.limit ?? DEFAULT_SEARCH_RESULTS,
    now,
  });
  const presentOptions = {
    uiLanguage: request.uiLanguage,
    topicLabel: (topic: Topic) => TOPIC_LABELS[request.uiLanguage][topic],
    today: isoToday(now),
    trustOf: (packId: string): PackTrust =>
      trust.get(packId) ?? { status: 'unsigned', signer: null },
  };
  const results: SuggestionPayload[] = [];
  for (const hit of hits) {
    const found = answers.get(hit.packId, hit.answerId);
    const payload = found && presentSuggestion(hit, found, postLanguage, presentOptions);
    // One answer an older pack let through must not fail the whole reply
    // (see keepValidSuggestions in suggestions.ts).
    if (payload && suggestionPayloadSchema.safeParse(payload).success) results.push(payload);
  }
  return { results, answerCount: matcher.answerCount };
}
