/**
 * The advisor's unfinished work per post (placeholder values, edited
 * replies, an unsaved case note), kept in the workspace's memory while they
 * switch between posts. Never sent to the page.
 */
import { useState } from 'react';

export interface DraftStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export function createDraftStore(): DraftStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (key, value) => void values.set(key, value),
  };
}

/** Like `useState`, but starts from and writes through to the store under `key`. */
export function useDraft<T>(store: DraftStore, key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => store.get<T>(key) ?? initial);
  const update = (next: T) => {
    store.set(key, next);
    setValue(next);
  };
  return [value, update];
}
