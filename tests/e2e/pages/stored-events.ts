import type { Worker } from '@playwright/test';

/** The fields of a stored log event the end-to-end tests look at. */
export interface StoredEvent {
  type: string;
  at: number;
  postKey: string;
  answerId?: string | null;
  answerIds?: string[];
  packVersion?: string;
  edited?: boolean;
  referredTo?: string | null;
  outcome?: string;
  escalation?: string | null;
  chosenVia?: string;
  topic?: string | null;
  claimId?: string;
  commentKey?: string;
  isQuestion?: boolean | null;
  groupId?: string | null;
  language?: string | null;
}

/**
 * The log as the background stored it (the extension's IndexedDB), read in
 * the service worker, oldest first (ids are random, so the store's own order
 * is not the order of events). `postKey` narrows it to one post.
 */
export function storedEvents(worker: Worker, postKey?: string): Promise<StoredEvent[]> {
  return worker.evaluate(
    (key) =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('outreach-advisor');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(
              (request.result as StoredEvent[])
                .filter((event) => key === null || event.postKey === key)
                .sort((a, b) => a.at - b.at),
            );
          };
          request.onerror = () => reject(new Error('cannot read events'));
        };
      }),
    postKey ?? null,
  );
}
