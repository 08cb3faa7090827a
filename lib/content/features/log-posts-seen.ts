/**
 * Logs "post seen" once per post and page session, when the background's
 * analysis and the post's topic arrived (so the entry carries language,
 * question flag and topic, and statistics by topic count every post seen,
 * not only those an advisor acted on).
 * A post scrolled away and back is not logged again in the same session;
 * the store would merge it anyway, but this keeps the log honest and small.
 */
import { getSettings, watchSettings } from '../../settings/settings';
import { getLogQueue } from '../log-queue';
import { postLogContext } from '../log-context';
import type { PostAnalysis } from '../../messaging/protocol';
import type { ParsedPost } from '../../sites/types';
import type { ContentFeature } from './types';

/**
 * How long a post-seen entry waits for the post's topic before it is logged
 * without one: long enough for a background that starts cold and builds its
 * matcher first (3 s was not, in the end-to-end test on a loaded machine).
 */
export const TOPIC_WAIT_MS = 15_000;

export const logPostsSeen: ContentFeature = {
  id: 'log-posts-seen',
  async init(context, signal) {
    const logged = new Set<string>();
    let includeText = (await getSettings()).storePostText;
    const queue = getLogQueue();
    // Waiting for the topic: logged when it comes or after TOPIC_WAIT_MS, also when the session
    // ends meanwhile (a restart on the same page must not log it first without one); only
    // leaving the page logs what waits at once.
    const pending = new Map<string, () => void>();
    const log = (post: ParsedPost, analysis: PostAnalysis) => {
      if (signal.aborted || logged.has(post.postKey)) return;
      logged.add(post.postKey);
      let done = false;
      const write = (topic: string | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        pending.delete(post.postKey);
        queue.log({
          type: 'post-seen',
          ...postLogContext(post, analysis, { includeText, topic }),
        });
      };
      const timer = setTimeout(() => write(null), TOPIC_WAIT_MS);
      pending.set(post.postKey, () => write(null));
      context.topicOf(post, analysis.language).then(write, () => write(null));
    };
    context.events.on('post-analysed', ({ post, analysis }) => log(post, analysis), signal);
    for (const { post, analysis } of context.currentPosts().values()) {
      if (analysis) log(post, analysis);
    }
    // Leaving or hiding the page: send what is queued now rather than after the batch delay.
    const flushNow = () => void queue.flush();
    window.addEventListener(
      'pagehide',
      () => {
        for (const write of [...pending.values()]) write();
        flushNow();
      },
      { signal },
    );
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') flushNow();
      },
      { signal },
    );
    const unwatch = watchSettings((settings) => {
      includeText = settings.storePostText;
    });
    signal.addEventListener('abort', unwatch, { once: true });
  },
};
