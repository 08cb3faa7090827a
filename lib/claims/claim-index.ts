/**
 * The active packs' claims, compiled once per pack set (the background keeps
 * it with the matcher's cache), and the lookup of comments against it
 * (docs/PRODUCT.md#misinformation-in-comments). Pure.
 */
import type { ClaimMatch, MatchClaimsRequest } from './messages';
import { isPostLanguage, type PostLanguage } from '../domain/languages';
import {
  compileClaimPattern,
  findClaims,
  type ClaimEntry,
  type CompiledPattern,
} from '../matching/claims';
import type { Pack } from '../packs/schema';

export interface ClaimRef {
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
