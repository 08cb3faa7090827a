/**
 * Known false claims in comments, in the background
 * (docs/PRODUCT.md#misinformation-in-comments): the content script's
 * comments matched against the claim index the matcher's cache holds
 * (suggestions.ts, lib/claims/claim-index.ts), and the correction the
 * workspace shows for a flagged comment.
 */
import type { Topic } from '../domain/topics';
import { matchComments } from '../claims/claim-index';
import type { PackStore } from '../packs/store';
import { isoToday } from '../packs/validate';
import type {
  ClaimCorrectionRequest,
  ClaimCorrectionResponse,
  MatchClaimsRequest,
  MatchClaimsResponse,
} from '../claims/messages';
import { presentSuggestion, type PackTrust } from '../suggestions/present';
import { suggestionPayloadSchema } from '../suggestions/schema';
import { currentMatcher, TOPIC_LABELS } from './suggestions';

export async function matchClaims(
  request: MatchClaimsRequest,
  options: { store?: PackStore; now?: number } = {},
): Promise<MatchClaimsResponse> {
  const { claims } = await currentMatcher(options.store, options.now);
  return { matches: matchComments(claims, request) };
}

export async function claimCorrection(
  request: ClaimCorrectionRequest,
  options: { store?: PackStore; now?: Date } = {},
): Promise<ClaimCorrectionResponse> {
  const now = options.now ?? new Date();
  const { answers, claims, trust } = await currentMatcher(options.store, now.getTime());
  const found = answers.get(request.packId, request.answerId);
  const entry = claims.entries.find(
    (claim) =>
      claim.claimId === request.claimId &&
      claim.ref.packId === request.packId &&
      claim.ref.answerId === request.answerId,
  );
  if (!found || !entry) return { suggestion: null, statement: null };
  const payload = presentSuggestion(
    {
      packId: request.packId,
      answerId: request.answerId,
      packVersion: found.pack.version,
      topic: found.answer.topic,
      kind: found.answer.kind,
      score: 1,
      level: 'likely',
      matchedTerms: [],
      textLanguage: request.language,
      fallback: !found.answer.texts[request.language],
      expired: false,
    },
    found,
    request.language,
    {
      uiLanguage: request.uiLanguage,
      topicLabel: (topic: Topic) => TOPIC_LABELS[request.uiLanguage][topic],
      today: isoToday(now),
      trustOf: (packId: string): PackTrust =>
        trust.get(packId) ?? { status: 'unsigned', signer: null },
    },
  );
  const statements = entry.ref.statements;
  const statement =
    statements[request.uiLanguage] ??
    statements[found.pack.canonicalLanguage] ??
    statements[request.language] ??
    null;
  return {
    suggestion: payload && suggestionPayloadSchema.safeParse(payload).success ? payload : null,
    statement,
  };
}
