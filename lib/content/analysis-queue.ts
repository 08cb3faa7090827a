/**
 * Sends recognised posts to the background for analysis (language,
 * question) in small batches, and hands the results to the post store and
 * the feature events. A request that fails — MV3 may stop the service worker
 * while it is in flight — is retried with backoff, so no post stays without
 * its analysis.
 */
import type { PostEventEmitter } from './features/events';
import type { PostStore } from './post-store';
import type { PostTracker } from './post-tracker';
import type { ParsedPost } from '../sites/types';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { MAX_POSTS_PER_ANALYSIS } from '../messaging/content-protocol';
import { sendMessage } from '../messaging/send-content';

export type SendAnalysis = (
  request: RequestOf<'analysePosts'>,
) => Promise<ResponseOf<'analysePosts'>>;

/** Retries of a failed analysis request before the batch is given up. */
export const ANALYSIS_MAX_RETRIES = 5;
const ANALYSIS_RETRY_BASE_MS = 250;
const ANALYSIS_DELAY_MS = 30;

export function createAnalysisQueue(
  store: PostStore,
  events: PostEventEmitter,
  tracker: () => Pick<PostTracker, 'currentPosts'> | undefined,
  signal: AbortSignal,
  send: SendAnalysis = (request) => sendMessage('analysePosts', request),
) {
  const pending = new Map<string, string>();
  const inFlight = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  signal.addEventListener('abort', () => clearTimeout(timer));

  const flush = async () => {
    timer = undefined;
    while (pending.size > 0 && !signal.aborted) {
      const batch = [...pending].slice(0, MAX_POSTS_PER_ANALYSIS);
      for (const [postKey, text] of batch) {
        pending.delete(postKey);
        inFlight.set(postKey, text);
      }
      try {
        const { results } = await send({
          posts: batch.map(([postKey, text]) => ({ postKey, text })),
        });
        for (const analysis of results) {
          const text = inFlight.get(analysis.postKey);
          inFlight.delete(analysis.postKey);
          if (text === undefined || signal.aborted) continue;
          store.setAnalysis(analysis.postKey, analysis, text);
          const post =
            tracker()?.currentPosts().get(analysis.postKey) ?? store.get(analysis.postKey)?.post;
          if (post) events.emit('post-analysed', { post, analysis });
        }
        failures = 0;
      } catch (error) {
        // MV3 may stop the service worker while a request is in flight; the
        // posts go back into the queue and are asked for again, with backoff,
        // so none stays without analysis (and without its "post seen" entry).
        for (const [postKey, text] of batch) {
          inFlight.delete(postKey);
          if (!pending.has(postKey)) pending.set(postKey, text);
        }
        failures += 1;
        if (failures > ANALYSIS_MAX_RETRIES) {
          console.warn('Outreach Advisor: analysis failed', error);
          failures = 0;
          pending.clear();
          return;
        }
        if (!signal.aborted) {
          timer ??= setTimeout(
            () => void flush(),
            Math.min(ANALYSIS_RETRY_BASE_MS * 2 ** (failures - 1), 8_000),
          );
        }
        return;
      }
    }
  };

  return (post: ParsedPost) => {
    const entry = store.get(post.postKey);
    if (entry?.analysedText === post.text) return;
    if (pending.get(post.postKey) === post.text || inFlight.get(post.postKey) === post.text) return;
    pending.set(post.postKey, post.text);
    timer ??= setTimeout(() => void flush(), ANALYSIS_DELAY_MS);
  };
}
