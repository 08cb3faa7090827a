/**
 * The team connection (docs/TEAM-SYNC.md#connecting): the database address
 * and team secret from the supervisor's connection code, and the user's own
 * CouchDB name and password. Kept in the `secrets` table, which only the
 * background and extension pages open — never in `storage.local`, which
 * content scripts can read.
 *
 * Connecting checks the credentials against the server first (who the server
 * says this is, which team roles, whether the database is readable) and
 * stores nothing if any of that fails. Connecting to another database or as
 * another user starts team sync afresh (nothing counts as shared there yet);
 * the log itself and what was fetched before stay.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import type { OutreachDatabase } from '../db/database';
import { TEAM_CONNECTION_ID } from '../db/database';
import type { TeamRole } from './design';
import { TEAM_ROLES } from './design';
import { teamUserSchema } from './documents';
import type { OpenTeamServer, TeamCredentials } from './server';
import { TeamSyncError } from './couch-client';
import { openTeamServer } from './open-server';
import { decodeConnectionCode, teamSecretSchema } from './team-key';
import { TEAM_STATUS_KEY } from './status';

export type { TeamRole };

export interface TeamConnection {
  url: string;
  user: string;
  roles: TeamRole[];
  secret: string;
  connectedAt: number;
}

const storedSchema = lazySchema(() =>
  z.object({
    url: z.string().check(z.maxLength(500)),
    user: teamUserSchema,
    password: z.string().check(z.minLength(1), z.maxLength(500)),
    roles: z.array(z.enum(TEAM_ROLES)).check(z.maxLength(2)),
    secret: teamSecretSchema,
    connectedAt: z.int(),
  }),
);
type StoredConnection = z.infer<typeof storedSchema>;

/** The connection with its password: for the background and pull only, never for display. */
export async function getTeamCredentials(
  db: OutreachDatabase,
): Promise<(TeamConnection & TeamCredentials) | null> {
  const record = await db.secrets.get(TEAM_CONNECTION_ID);
  const parsed = storedSchema.safeParse(record?.value);
  return parsed.success ? parsed.data : null;
}

/** The connection as the interface may show it (no password). */
export async function getTeamConnection(db: OutreachDatabase): Promise<TeamConnection | null> {
  const stored = await getTeamCredentials(db);
  if (!stored) return null;
  const { password: _password, ...connection } = stored;
  return connection;
}

export interface ConnectInput {
  code: string;
  user: string;
  password: string;
}

/**
 * Checks `input` against the team database and stores the connection.
 * Throws an Error in plain words (nothing stored) when the code, the
 * credentials, the roles or the database are not right.
 */
export async function connectTeam(
  db: OutreachDatabase,
  input: ConnectInput,
  options: { fetch?: typeof fetch; openServer?: OpenTeamServer; now?: number } = {},
): Promise<TeamConnection> {
  const openServer =
    options.openServer ?? ((credentials) => openTeamServer(credentials, options.fetch));
  const now = options.now ?? Date.now();
  const { url, secret } = decodeConnectionCode(input.code);
  const user = input.user.trim();
  if (!teamUserSchema.safeParse(user).success) {
    throw new Error(
      'The user name can hold letters, digits and . _ @ + - (at most 100), as the team database’s admin created it.',
    );
  }
  if (input.password.length === 0) throw new Error('Enter the password for the team database.');
  const server = openServer({ url, user, password: input.password });
  const session = await server.session();
  if (session.name !== user) {
    throw new TeamSyncError(
      'unauthorized',
      'The team database did not accept this user name and password.',
    );
  }
  const roles = TEAM_ROLES.filter((role) => session.roles.includes(role));
  if (roles.length === 0) {
    throw new TeamSyncError(
      'forbidden',
      `The user ${user} has neither the advisor nor the supervisor role in the team database. Ask its admin to add one.`,
    );
  }
  await server.databaseInfo();
  const stored: StoredConnection = {
    url,
    user,
    password: input.password,
    roles,
    secret,
    connectedAt: now,
  };
  const previous = await getTeamCredentials(db);
  const sameTeam =
    previous !== null &&
    previous.url === url &&
    previous.user === user &&
    previous.secret === secret;
  await db.transaction(
    'rw',
    [
      db.secrets,
      db.teamOutbox,
      db.teamShared,
      db.teamPosts,
      db.teamBatches,
      db.teamPostKeys,
      db.meta,
    ],
    async () => {
      if (!sameTeam) {
        await Promise.all([
          db.teamOutbox.clear(),
          db.teamShared.clear(),
          db.teamPosts.clear(),
          db.teamBatches.clear(),
          db.teamPostKeys.clear(),
          db.meta.delete(TEAM_STATUS_KEY),
        ]);
      }
      await db.secrets.put({ id: TEAM_CONNECTION_ID, value: stored });
    },
  );
  const { password: _password, ...connection } = stored;
  return connection;
}

/**
 * Forgets the credentials and the team secret. What was shared stays marked
 * (connecting again to the same team shares nothing twice); the log and
 * what was fetched stay.
 */
export async function disconnectTeam(db: OutreachDatabase): Promise<void> {
  await db.secrets.delete(TEAM_CONNECTION_ID);
}
