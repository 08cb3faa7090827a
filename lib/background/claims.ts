/**
 * Known false claims in comments, in the background
 * (docs/PRODUCT.md#misinformation-in-comments): the active packs' claims,
 * compiled once per pack set with the matcher's cache (suggestions.ts), a
 * lookup for the content script's comments, and the correction the workspace
 * shows for a flagged comment.
 */
import { isPostLanguage, type PostLanguage } from '../domain/languages';
import type { Topic } from '../domain/topics';
import {
  compileClaimPattern,
  findClaims,
  type ClaimEntry,
  type CompiledPattern,
} from '../matching/claims';
import type { Pack } from '../packs/schema';
import type { PackStore } from '../packs/store';
import { isoToday } from '../packs/validate';
import type {
  ClaimCorrectionRequest,
  ClaimCorrectionResponse,
  ClaimMatch,
  MatchClaimsRequest,
  MatchClaimsResponse,
} from '../claims/messages';
import { presentSuggestion, type PackTrust } from '../suggestions/present';
import { suggestionPayloadSchema } from '../suggestions/schema';
import { currentMatcher, TOPIC_LABELS } from './suggestions';

interface ClaimRef {
  packId: string;
  answerId: string;
  statements: Partial<Record<PostLanguage, string>>;
}

export interface ClaimIndex {
  entries: ClaimEntry<ClaimRef>[];
}

/** Every claim of the packs' myth corrections that are still offered (not withdrawn). */
export function createClaimIndex(packs: readonly Pack[]): ClaimIndex {
  const entries: ClaimEntry<ClaimRef>[] = [];
  for (const pack of packs) {
    for (const answer of pack.answers) {
      if (answer.kind !== 'myth-correction' || answer.review.status === 'withdrawn') continue;
      for (const claim of answer.claims ?? []) {
        const patterns: { language: string; pattern: CompiledPattern }[] = [];
        const statements: Partial<Record<PostLanguage, string>> = {};
        for (const [language, text] of Object.entries(claim.texts)) {
          if (!text || !isPostLanguage(language) || !answer.texts[language]) continue;
          statements[language] = text.statement;
          for (const source of text.patterns) {
            const compiled = compileClaimPattern(source);
            if (compiled.ok) patterns.push({ language, pattern: compiled.pattern });
          }
        }
        if (patterns.length === 0) continue;
        entries.push({
          claimId: claim.id,
          ref: { packId: pack.id, answerId: answer.id, statements },
          patterns,
        });
      }
    }
  }
  return { entries };
}

/** The claims each comment repeats (a comment may repeat more than one). */
export function matchComments(index: ClaimIndex, request: MatchClaimsRequest): ClaimMatch[] {
  const matches: ClaimMatch[] = [];
  for (const comment of request.comments) {
    for (const hit of findClaims(comment.text, index.entries, request.postLanguage)) {
      if (!isPostLanguage(hit.language)) continue;
      matches.push({
        commentKey: comment.commentKey,
        claimId: hit.claimId,
        packId: hit.ref.packId,
        answerId: hit.ref.answerId,
        language: hit.language,
      });
    }
  }
  return matches;
}

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
