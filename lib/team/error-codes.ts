/**
 * What can go wrong talking to the team database, by kind: the client
 * (lib/team/couch-client.ts) throws these, the status record and the
 * background's answers carry them, the interface says each in its language.
 * A module of its own, so the message protocol can name them without
 * loading the client.
 */
export const TEAM_SYNC_ERROR_CODES = [
  'unreachable',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'server-error',
  'invalid-response',
] as const;
export type TeamSyncErrorCode = (typeof TEAM_SYNC_ERROR_CODES)[number];
