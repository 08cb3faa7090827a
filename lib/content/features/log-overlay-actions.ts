/**
 * Turns what the advisor does in a post's overlay (`overlay-action`
 * events from any panel) into log events. Actions that are not part of the
 * log (opening the overlay, a failed insertion) are ignored; details carry
 * only ids and flags, never text.
 */
import { LIMITS } from '../../domain/limits';
import type { LogEventRequest } from '../../log/events';
import { getSettings, watchSettings } from '../../settings/settings';
import { getLogQueue } from '../log-queue';
import { postLogContext } from '../log-context';
import type { OverlayAction } from './events';
import type { ContentFeature } from './types';

type Detail = NonNullable<OverlayAction['detail']>;

/** A detail field as text, cut to what the log schema accepts (limits.ts). */
const text = (detail: Detail, key: string, max: number, fallback = ''): string => {
  const value = detail[key];
  return (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback).slice(
    0,
    max,
  );
};

/** The type-specific part of the log event for an overlay action, or null if not logged. */
export function eventFieldsFor(action: string, detail: Detail): Record<string, unknown> | null {
  switch (action) {
    case 'suggestions-shown':
      return {
        type: action,
        answerIds: text(detail, 'answerIds', Infinity)
          .split(',')
          .filter(Boolean)
          .slice(0, LIMITS.answerIdsPerEvent)
          .map((id) => id.slice(0, LIMITS.answerId)),
      };
    case 'reply-inserted':
    case 'reply-copied': {
      const replyLanguage = text(detail, 'replyLanguage', 10) || null;
      return {
        type: action,
        answerId: text(detail, 'answerId', LIMITS.answerId, 'own-reply'),
        packId: text(detail, 'packId', LIMITS.packId),
        packVersion: text(detail, 'packVersion', LIMITS.packVersion),
        replyLanguage,
        edited: detail.edited === true,
      };
    }
    case 'not-relevant':
      return { type: action, answerId: text(detail, 'answerId', LIMITS.answerId) || null };
    case 'handled':
      return { type: action };
    case 'referred':
      return { type: action, referredTo: text(detail, 'referredTo', LIMITS.referredTo) };
    default:
      return null;
  }
}

export const logOverlayActions: ContentFeature = {
  id: 'log-overlay-actions',
  async init(context, signal) {
    let includeText = (await getSettings()).storePostText;
    const queue = getLogQueue();
    context.events.on(
      'overlay-action',
      ({ postKey, action, detail, post }) => {
        const fields = eventFieldsFor(action, detail ?? {});
        const snapshot = context.currentPosts().get(postKey);
        const parsed = post ?? snapshot?.post;
        if (!fields || !parsed) return;
        const topic = detail && typeof detail.topic === 'string' ? detail.topic : null;
        queue.log({
          ...postLogContext(parsed, snapshot?.analysis ?? null, { includeText, topic }),
          ...fields,
        } as Omit<LogEventRequest, 'id' | 'at'> as never);
      },
      signal,
    );
    const unwatch = watchSettings((settings) => {
      includeText = settings.storePostText;
    });
    signal.addEventListener('abort', unwatch, { once: true });
  },
};
