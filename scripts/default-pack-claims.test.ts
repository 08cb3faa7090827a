/**
 * The claims of the default pack (packs/FORMAT.md, "Claims"; the matcher is
 * lib/matching/claims.ts). A flag on someone else's comment must be right:
 * every claim is written for all 13 languages, each of its examples is found
 * as that claim and as no other, and none of the near misses in
 * tests/fixtures/claim-near-misses.json is flagged at all. Near misses are
 * comments on the same topics that do not repeat a claim: the correct
 * statement, a question whether the claim is true, the same words in an
 * unrelated sentence. When one is flagged, make the pattern stricter; do not
 * drop the near miss.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostLanguage, POST_LANGUAGES } from '../lib/domain/languages';
import { compileClaimPattern, findClaims, type ClaimEntry } from '../lib/matching/claims';
import { parsePack } from '../lib/packs/parse';
import type { Answer, Claim } from '../lib/packs/schema';
import { DEFAULT_PACK_FILE } from './default-pack-sources';

const NEAR_MISSES_FILE = join(
  import.meta.dirname,
  '..',
  'tests',
  'fixtures',
  'claim-near-misses.json',
);

interface NearMiss {
  language: string;
  text: string;
  /** Why the comment must not be flagged. */
  note: string;
}

interface ClaimRef {
  answerId: string;
  claim: Claim;
}

function loadAnswers(): Answer[] {
  const parsed = parsePack(readFileSync(DEFAULT_PACK_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('default pack does not parse');
  return parsed.pack.answers;
}

/** Every claim of the pack, compiled the way the background compiles them. */
function claimEntries(answers: readonly Answer[]): ClaimEntry<ClaimRef>[] {
  return answers.flatMap((answer) =>
    (answer.claims ?? []).map((claim) => ({
      claimId: claim.id,
      ref: { answerId: answer.id, claim },
      patterns: Object.entries(claim.texts).flatMap(([language, text]) =>
        (text?.patterns ?? []).map((source) => {
          const result = compileClaimPattern(source);
          if (!result.ok) throw new Error(`${claim.id}/${language}: ${result.error} in ${source}`);
          return { language, pattern: result.pattern };
        }),
      ),
    })),
  );
}

describe('claims of the default pack (packs/FORMAT.md, "Claims")', () => {
  const answers = loadAnswers();
  const entries = claimEntries(answers);
  const nearMisses = JSON.parse(readFileSync(NEAR_MISSES_FILE, 'utf8')) as NearMiss[];

  it('every myth correction names at least one claim', () => {
    const without = answers
      .filter((answer) => answer.kind === 'myth-correction' && (answer.claims ?? []).length === 0)
      .map((answer) => answer.id);
    expect(without).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });

  it('claim ids are unique in the pack', () => {
    const ids = entries.map((entry) => entry.claimId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every claim has a statement, patterns and examples in all 13 languages', () => {
    const missing = entries.flatMap(({ claimId, ref }) =>
      POST_LANGUAGES.filter((language) => {
        const text = ref.claim.texts[language];
        return !text || text.patterns.length === 0 || text.examples.length === 0;
      }).map((language) => `${claimId}: ${language}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds every example as its own claim and as no other', () => {
    const wrong = entries.flatMap(({ claimId, ref }) =>
      Object.entries(ref.claim.texts).flatMap(([language, text]) =>
        (text?.examples ?? []).flatMap((example) => {
          const hits = findClaims(example, entries, language);
          const problems: string[] = [];
          if (!hits.some((hit) => hit.claimId === claimId)) {
            problems.push(`${claimId}/${language}: not found: "${example}"`);
          }
          for (const hit of hits.filter((other) => other.claimId !== claimId)) {
            problems.push(
              `${claimId}/${language}: also flagged as ${hit.claimId} by ${hit.language} pattern "${hit.pattern}": "${example}"`,
            );
          }
          return problems;
        }),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('the near misses are real comments in every language', () => {
    for (const nearMiss of nearMisses) {
      expect(isPostLanguage(nearMiss.language), nearMiss.text).toBe(true);
      expect(nearMiss.text.trim(), nearMiss.note).not.toBe('');
      expect(nearMiss.note.trim(), nearMiss.text).not.toBe('');
    }
    const perLanguage = POST_LANGUAGES.filter(
      (language) => nearMisses.filter((nearMiss) => nearMiss.language === language).length < 4,
    );
    expect(perLanguage).toEqual([]);
  });

  it('flags no near miss as any claim', () => {
    const flagged = nearMisses.flatMap(({ language, text, note }) =>
      findClaims(text, entries, language).map(
        (hit) =>
          `${language}: "${text}" (${note}) flagged as ${hit.claimId} by ${hit.language} pattern "${hit.pattern}"`,
      ),
    );
    expect(flagged).toEqual([]);
  });
});
