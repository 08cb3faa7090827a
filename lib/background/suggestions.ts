/**
 * Suggestions in the background: the matcher over the active packs, built
 * lazily and rebuilt when the packs change.
 *
 * Lifecycle: MV3 may stop this worker at any moment, so the matcher is only
 * a cache. The first request after a start builds it from the pack store
 * (tens of milliseconds); later requests reuse it while the *pack signature*
 * — active pack ids and versions, install times, signers and trust — is
 * unchanged. The signature is read again at most every RECHECK_MS, and at
 * once after Dexie reports a write to the packs or trusted keys (also from
 * the dashboard, through Dexie's cross-context broadcast). Feedback is read
 * from storage on each request; it is small.
 */
import Dexie from 'dexie';
import { storage } from 'wxt/utils/storage';
import topicsDe from '../../locales/de/topics.json';
import topicsEn from '../../locales/en/topics.json';
import type { UiLanguage } from '../domain/languages';
import type { Topic } from '../domain/topics';
import { getDatabase } from '../db/database';
import { createAnswerSearch, createMatcher, type AnswerSearch, type Matcher } from '../matching';
import { classifierForMatcher } from './bundled-classifier';
import { PackStore, type InstalledPackSummary } from '../packs/store';
import { isoToday } from '../packs/validate';
import type { Pack } from '../packs/schema';
import {
  createAnswerLookup,
  presentMatch,
  type AnswerLookup,
  type PackTrust,
} from '../suggestions/present';
import type {
  FeedbackEntry,
  PostSuggestions,
  SuggestForPostsRequest,
  SuggestForPostsResponse,
} from '../suggestions/schema';
import { SUGGESTIONS_PER_POST, suggestionPayloadSchema } from '../suggestions/schema';
import { installBundledPack } from './bundled-pack';
import { createClaimIndex, type ClaimIndex } from '../claims/claim-index';
import { adjustmentsOf, loadFeedback, type StoredFeedback } from './suggestion-feedback';

const RECHECK_MS = 2000;
export const TOPIC_LABELS: Record<UiLanguage, Record<Topic, string>> = {
  en: topicsEn,
  de: topicsDe,
};

/** Set once the bundled pack was installed on demand (see buildCache). */
export const firstPackEnsuredItem = storage.defineItem<boolean>('local:firstPackEnsured', {
  fallback: false,
});

interface MatcherCache {
  signature: string;
  checkedAt: number;
  matcher: Matcher;
  /** Search over the same packs; builds its index on the first query. */
  search: AnswerSearch;
  answers: AnswerLookup;
  trust: ReadonlyMap<string, PackTrust>;
  /** Every claim of the active packs' myth corrections, compiled (lib/matching/claims.ts). */
  claims: ClaimIndex;
  /** Each active pack's referral directory, in pack order. */
  directories: Pick<Pack, 'id' | 'referrals'>[];
}

let cache: MatcherCache | undefined;
let pending: Promise<MatcherCache> | undefined;
let invalidated = false;
let watching = false;

/** What decides whether the matcher (or the trust shown) must be rebuilt. */
export function packSignature(summaries: readonly InstalledPackSummary[]): string {
  return summaries
    .filter((pack) => pack.active)
    .map((pack) => [pack.id, pack.version, pack.installedAt, pack.trust, pack.signer].join('|'))
    .sort()
    .join('\n');
}

function watchPackWrites(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => /\/(packs|trustedKeys)(\/|$)/.test(part))) {
      invalidated = true;
    }
  });
}

async function buildCache(
  store: PackStore,
  now: number,
  ensurePacks: () => Promise<unknown>,
): Promise<MatcherCache> {
  let summaries = await store.list();
  if (summaries.length === 0 && !(await firstPackEnsuredItem.getValue())) {
    // Right after installation the first posts can arrive before `onInstalled`
    // has installed the bundled pack: install it now rather than answer
    // "nothing" — once, so a pack the user removed does not come back.
    await ensurePacks();
    await firstPackEnsuredItem.setValue(true);
    summaries = await store.list();
  }
  const signature = packSignature(summaries);
  if (cache && cache.signature === signature) {
    cache = { ...cache, checkedAt: now };
    return cache;
  }
  const [packs, classifier] = await Promise.all([store.activePacks(), classifierForMatcher()]);
  const trust = new Map<string, PackTrust>(
    summaries.map((pack) => [pack.id, { status: pack.trust, signer: pack.signer }]),
  );
  cache = {
    signature,
    checkedAt: now,
    matcher: createMatcher(packs, classifier ? { classifier } : {}),
    search: createAnswerSearch(packs),
    answers: createAnswerLookup(packs),
    trust,
    claims: createClaimIndex(packs),
    directories: packs.map(({ id, referrals }) => ({ id, referrals })),
  };
  return cache;
}

/** The matcher for the current packs, rebuilt only when they changed. */
export async function currentMatcher(
  store = new PackStore(getDatabase()),
  now = Date.now(),
  ensurePacks: () => Promise<unknown> = installBundledPack,
): Promise<MatcherCache> {
  watchPackWrites();
  if (cache && !invalidated && now - cache.checkedAt < RECHECK_MS) return cache;
  pending ??= (async () => {
    invalidated = false;
    try {
      return await buildCache(store, now, ensurePacks);
    } finally {
      pending = undefined;
    }
  })();
  return pending;
}

/** Forgets the matcher (tests; the next request rebuilds it). */
export function resetMatcherCache(): void {
  cache = undefined;
  pending = undefined;
  invalidated = false;
}

export async function suggestForPosts(
  request: SuggestForPostsRequest,
  options: {
    store?: PackStore;
    now?: Date;
    feedback?: StoredFeedback;
    /** Installs the bundled pack when no pack is installed at all. */
    ensurePacks?: () => Promise<unknown>;
  } = {},
): Promise<SuggestForPostsResponse> {
  const now = options.now ?? new Date();
  const [{ matcher, answers, trust }, feedback] = await Promise.all([
    currentMatcher(options.store, now.getTime(), options.ensurePacks),
    options.feedback ?? loadFeedback(),
  ]);
  const adjustments = adjustmentsOf(feedback);
  const today = isoToday(now);
  const trustOf = (packId: string): PackTrust =>
    trust.get(packId) ?? { status: 'unsigned', signer: null };
  const results = request.posts.map(({ postKey, text, language }) => {
    const result = matcher.match(language === undefined ? { text } : { text, language }, {
      top: SUGGESTIONS_PER_POST,
      uiLanguage: request.uiLanguage,
      feedback: adjustments,
    });
    return keepValidSuggestions(
      presentMatch(postKey, result, answers, {
        uiLanguage: request.uiLanguage,
        topicLabel: (topic) => TOPIC_LABELS[request.uiLanguage][topic],
        today,
        trustOf,
      }),
    );
  });
  return { results, answerCount: matcher.answerCount };
}

/**
 * Drops each suggestion the protocol would refuse, one at a time. The receiver
 * checks the whole reply, so one answer an older pack let through (an over-long
 * id, a link with a space) would otherwise fail the reply for every post in the
 * batch (security review finding 5). The pack schema refuses such values now;
 * this keeps packs installed before that from switching suggestions off.
 */
export function keepValidSuggestions(result: PostSuggestions): PostSuggestions {
  const suggestions = result.suggestions.filter((suggestion) => {
    const parsed = suggestionPayloadSchema.safeParse(suggestion);
    if (!parsed.success)
      console.warn(
        `Outreach Advisor: suggestion ${suggestion.packId}/${suggestion.answerId.slice(0, 80)} dropped:`,
        parsed.error.issues.map((issue) => issue.path.join('.')).join(', '),
      );
    return parsed.success;
  });
  return suggestions.length === result.suggestions.length ? result : { ...result, suggestions };
}

/** The feedback record as the dashboard lists it, with titles in the UI language. */
export async function listFeedback(
  feedback: StoredFeedback,
  uiLanguage: UiLanguage,
  store = new PackStore(getDatabase()),
): Promise<{ entries: FeedbackEntry[] }> {
  const { answers } = await currentMatcher(store);
  const entries = Object.values(feedback.entries)
    .map((entry): FeedbackEntry => {
      const found = answers.get(entry.packId, entry.answerId);
      const texts = found?.answer.texts;
      const text = texts?.[uiLanguage] ?? texts?.[uiLanguage === 'de' ? 'en' : 'de'];
      return { ...entry, title: text?.title ?? null, topic: found?.answer.topic ?? null };
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return { entries };
}
