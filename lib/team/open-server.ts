/**
 * The team database for a stored connection: the CouchDB client
 * (lib/team/couch-client.ts) behind the narrow TeamServer interface.
 */
import { CouchClient } from './couch-client';
import type { TeamCredentials, TeamServer } from './server';

export function openTeamServer(credentials: TeamCredentials, fetchImpl?: typeof fetch): TeamServer {
  return new CouchClient(
    credentials.url,
    { username: credentials.user, password: credentials.password },
    fetchImpl ? { fetch: fetchImpl } : {},
  );
}
