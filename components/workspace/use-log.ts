/**
 * Sends log events to the background and tries again a few times when it
 * fails (the service worker may be waking up). Events keep their id across
 * attempts, so the store never counts one twice. What still fails is
 * counted, and the workspace says so instead of losing it silently.
 */
import { useCallback, useState } from 'react';
import type { LogEventRequest } from '../../lib/log/events';
import type { WorkspaceActions } from './actions';

export const LOG_RETRY_DELAYS_MS = [500, 2000] as const;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendWithRetry(
  logEvents: WorkspaceActions['logEvents'],
  events: LogEventRequest[],
): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= LOG_RETRY_DELAYS_MS.length; attempt++) {
    try {
      await logEvents(events);
      return;
    } catch (error) {
      lastError = error;
      const delay = LOG_RETRY_DELAYS_MS[attempt];
      if (delay !== undefined) await wait(delay);
    }
  }
  throw lastError;
}

export function useLog(actions: Pick<WorkspaceActions, 'logEvents'>) {
  const [unsaved, setUnsaved] = useState(0);
  const log = useCallback(
    (events: LogEventRequest[]) =>
      sendWithRetry(actions.logEvents, events).catch(() => {
        setUnsaved((count) => count + events.length);
      }),
    [actions],
  );
  return { log, unsaved };
}
