/**
 * What the advisor reads after using a reply: how it reached the comment box
 * (or the clipboard), or why it did not, in the workspace's words.
 */
import type { InsertOutcome } from '../../lib/workspace/protocol';
import type { Translate } from './placeholder-labels';
import { INSERT_FAILURE } from './port-client';

export type Message = { tone: 'ok' | 'warn'; text: string };

export function outcomeMessage(outcome: InsertOutcome, t: Translate): Message {
  if (outcome.status === 'inserted') return { tone: 'ok', text: t('result.inserted') };
  if (outcome.status === 'copied') {
    return {
      tone: 'warn',
      text: t(outcome.reason === 'no-comment-box' ? 'result.noCommentBox' : 'result.notVerified'),
    };
  }
  if (outcome.reason === INSERT_FAILURE.notConnected) {
    return { tone: 'warn', text: t('result.notConnected') };
  }
  if (outcome.reason === INSERT_FAILURE.timeout) return { tone: 'warn', text: t('result.timeout') };
  return { tone: 'warn', text: t('result.failed', { reason: outcome.reason }) };
}
