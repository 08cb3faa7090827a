/**
 * Searching the whole pack for when the suggestions are wrong (UX review
 * finding 3): the query is sent after a short pause in typing, and only the
 * answer to the latest query is kept.
 */
import { useEffect, useState } from 'react';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { SearchAnswers, SearchOptions } from './actions';

export const SEARCH_DELAY_MS = 250;
export const MIN_QUERY_LENGTH = 2;

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; results: SuggestionPayload[] }
  | { kind: 'failed' };

export function useSearch(query: string, options: SearchOptions, search: SearchAnswers) {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const { postLanguage, uiLanguage } = options;

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < MIN_QUERY_LENGTH) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'searching' });
    const timer = setTimeout(() => {
      search(trimmed, { postLanguage, uiLanguage }).then(
        (results) => !cancelled && setState({ kind: 'done', results }),
        () => !cancelled && setState({ kind: 'failed' }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, postLanguage, uiLanguage, search]);

  return state;
}
