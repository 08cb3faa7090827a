/**
 * Suggestions for every analysed post of the snapshot, asked of the
 * background in batches (one `suggestForPosts` per 20 posts) and kept per
 * post until the post's text, language or the UI language changes, or the
 * advisor dismissed a suggestion (`refresh`, so another answer can move up).
 * The queue takes each post's topic from here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiLanguage } from '../../lib/domain/languages';
import type { PostSuggestions } from '../../lib/suggestions/schema';
import { MAX_POSTS_PER_SUGGESTION_REQUEST } from '../../lib/suggestions/schema';
import type { WorkspacePost } from '../../lib/workspace/protocol';
import type { WorkspaceActions } from './actions';

export interface SuggestionEntry {
  /** What the answer was asked for; a different key means it is outdated. */
  key: string;
  data: PostSuggestions | null;
  failed: boolean;
}

export interface SuggestionsState {
  byKey: ReadonlyMap<string, SuggestionEntry>;
  /** Answers in the active packs; 0 means no pack is active. Null until the first answer. */
  answerCount: number | null;
  refresh(postKey: string): void;
}

function keyOf(post: WorkspacePost, uiLanguage: UiLanguage, revision: number): string | null {
  if (!post.analysis) return null;
  return [uiLanguage, post.analysis.language, revision, post.text].join('\u0000');
}

export function useSuggestions(
  posts: readonly WorkspacePost[],
  uiLanguage: UiLanguage,
  actions: Pick<WorkspaceActions, 'suggest'>,
): SuggestionsState {
  const [byKey, setByKey] = useState<ReadonlyMap<string, SuggestionEntry>>(new Map());
  const [answerCount, setAnswerCount] = useState<number | null>(null);
  const [revisions, setRevisions] = useState<ReadonlyMap<string, number>>(new Map());
  const asked = useRef(new Map<string, string>());

  useEffect(() => {
    const wanted = posts.flatMap((post) => {
      const key = keyOf(post, uiLanguage, revisions.get(post.postKey) ?? 0);
      if (key === null || asked.current.get(post.postKey) === key || !post.analysis) return [];
      asked.current.set(post.postKey, key);
      return [{ post, key, language: post.analysis.language }];
    });
    for (let start = 0; start < wanted.length; start += MAX_POSTS_PER_SUGGESTION_REQUEST) {
      const batch = wanted.slice(start, start + MAX_POSTS_PER_SUGGESTION_REQUEST);
      actions
        .suggest({
          uiLanguage,
          posts: batch.map(({ post, language }) => ({
            postKey: post.postKey,
            text: post.text,
            language,
          })),
        })
        .then(
          (response) => {
            setAnswerCount(response.answerCount);
            setByKey((previous) => {
              const next = new Map(previous);
              for (const { post, key } of batch) {
                const data = response.results.find((result) => result.postKey === post.postKey);
                next.set(post.postKey, { key, data: data ?? null, failed: !data });
              }
              return next;
            });
          },
          () => {
            setByKey((previous) => {
              const next = new Map(previous);
              for (const { post, key } of batch) {
                next.set(post.postKey, { key, data: null, failed: true });
                // Asked again with the next snapshot: the worker may have been asleep.
                asked.current.delete(post.postKey);
              }
              return next;
            });
          },
        );
    }
  }, [posts, uiLanguage, revisions, actions]);

  const refresh = useCallback((postKey: string) => {
    setRevisions((previous) => new Map(previous).set(postKey, (previous.get(postKey) ?? 0) + 1));
  }, []);

  return { byKey, answerCount, refresh };
}
