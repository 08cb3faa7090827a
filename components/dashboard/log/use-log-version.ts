import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'react';
import { getDatabase } from '../../../lib/db/database';

/**
 * A number that grows whenever the interaction log changes (the background
 * stores batches while this page is open) or `refresh` is called; sections
 * reload their data when it changes. Batches arrive every few hundred ms
 * while an advisor works, so changes are passed on at most once a second.
 */
export function useLogVersion(): { version: number; refresh: () => void } {
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = liveQuery(() => getDatabase().events.count()).subscribe({
      next: () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          setVersion((n) => n + 1);
        }, 1000);
      },
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer);
    };
  }, []);

  return { version, refresh };
}
