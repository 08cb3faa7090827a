/**
 * Failures talking to the team database in the UI language. The client
 * (lib/team/couch-client.ts) names what went wrong with a code; those are
 * said here in the counsellor's words. Anything else (a name the server did
 * not recognise, a missing role) keeps its own plain-words message.
 */
import type { TFunction } from 'i18next';
import type { TeamSyncErrorCode } from '../../../lib/team/couch-client';
import { TeamSyncError } from '../../../lib/team/couch-client';

const CODES: readonly TeamSyncErrorCode[] = [
  'unreachable',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'server-error',
  'invalid-response',
];

export function teamErrorText(error: unknown, t: TFunction<'team'>): string {
  if (error instanceof TeamSyncError && CODES.includes(error.code)) {
    return t(`errors.${error.code}`);
  }
  return error instanceof Error ? error.message : String(error);
}
