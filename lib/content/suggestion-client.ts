/**
 * The content script's side of `topicsForPosts`: each post's topic and likely
 * suggestions, never their texts (the workspace asks for those). Every marker
 * asks for its own post; requests arriving within a few milliseconds (a
 * feed renders many posts at once) travel in one message per UI language,
 * so the background matches a screenful in one go and the page's main
 * thread only waits. Answers are cached by post, text, language and UI
 * language (bounded), so a remounted marker does not ask again.
 */
import { isPostLanguage, type UiLanguage } from '../domain/languages';
import { sendMessage } from '../messaging/send-content';
import type { PostTopic } from '../suggestions/schema';
import { MAX_POSTS_PER_SUGGESTION_REQUEST } from '../suggestions/schema';

export interface SuggestionRequest {
  postKey: string;
  text: string;
  /** The analysis' language. */
  language: string;
  uiLanguage: UiLanguage;
}

export type SuggestionAnswer = PostTopic;

type Send = typeof sendMessage<'topicsForPosts'>;

const BATCH_DELAY_MS = 15;
const CACHE_LIMIT = 500;

interface Waiting {
  request: SuggestionRequest;
  resolve(answer: SuggestionAnswer): void;
  reject(error: unknown): void;
}

export function suggestionCacheKey(request: SuggestionRequest): string {
  return [request.uiLanguage, request.language, request.postKey, request.text].join('\u0000');
}

export function createSuggestionClient(send: Send = (name, payload) => sendMessage(name, payload)) {
  const cache = new Map<string, Promise<SuggestionAnswer>>();
  let waiting: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = waiting;
    waiting = [];
    const byLanguage = new Map<UiLanguage, Waiting[]>();
    for (const item of batch) {
      const list = byLanguage.get(item.request.uiLanguage) ?? [];
      list.push(item);
      byLanguage.set(item.request.uiLanguage, list);
    }
    for (const [uiLanguage, items] of byLanguage) {
      for (let start = 0; start < items.length; start += MAX_POSTS_PER_SUGGESTION_REQUEST) {
        const chunk = items.slice(start, start + MAX_POSTS_PER_SUGGESTION_REQUEST);
        send('topicsForPosts', {
          uiLanguage,
          posts: chunk.map(({ request }) => ({
            postKey: request.postKey,
            text: request.text.slice(0, 20_000),
            ...(request.language === 'und' || isPostLanguage(request.language)
              ? { language: request.language }
              : {}),
          })),
        }).then(
          ({ results }) => {
            const byKey = new Map(results.map((result) => [result.postKey, result]));
            for (const item of chunk) {
              const result = byKey.get(item.request.postKey);
              if (result) item.resolve(result);
              else item.reject(new Error('no suggestions in the reply'));
            }
          },
          (error: unknown) => {
            for (const item of chunk) item.reject(error);
          },
        );
      }
    }
  };

  return {
    /** The suggestions for one post; cached until `forget` or eviction. */
    request(request: SuggestionRequest): Promise<SuggestionAnswer> {
      const key = suggestionCacheKey(request);
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const promise = new Promise<SuggestionAnswer>((resolve, reject) => {
        waiting.push({ request, resolve, reject });
        timer ??= setTimeout(flush, BATCH_DELAY_MS);
      });
      cache.set(key, promise);
      // A failure is not cached: the background may just have been waking up.
      promise.catch(() => cache.delete(key));
      while (cache.size > CACHE_LIMIT) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return promise;
    },
    /** Drops cached answers for a post (after feedback changed its ranking). */
    forget(postKey: string): void {
      for (const key of [...cache.keys()]) {
        if (key.split('\u0000')[2] === postKey) cache.delete(key);
      }
    },
  };
}

export type SuggestionClient = ReturnType<typeof createSuggestionClient>;

let shared: SuggestionClient | undefined;

export function getSuggestionClient(): SuggestionClient {
  shared ??= createSuggestionClient();
  return shared;
}
