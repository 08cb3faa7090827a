/**
 * Failures talking to the team database in the UI language. The client
 * (lib/team/couch-client.ts) names what went wrong with a code; those are
 * said here in the counsellor's words. Anything else (a name the server did
 * not recognise, a missing role) keeps its own plain-words message.
 */
import type { TFunction } from 'i18next';
import type { TeamSyncErrorCode } from '../../../lib/team/couch-client';
import { TEAM_SYNC_ERROR_CODES, TeamSyncError } from '../../../lib/team/couch-client';

export function teamErrorText(error: unknown, t: TFunction<'team'>): string {
  if (error instanceof TeamSyncError && TEAM_SYNC_ERROR_CODES.includes(error.code)) {
    return t(`errors.${error.code}`);
  }
  return error instanceof Error ? error.message : String(error);
}

/** A failure recorded earlier (status line, background answer): by its code when it has one. */
export function storedErrorText(
  failure: { code?: TeamSyncErrorCode | null; message: string },
  t: TFunction<'team'>,
): string {
  return failure.code ? t(`errors.${failure.code}`) : failure.message;
}
