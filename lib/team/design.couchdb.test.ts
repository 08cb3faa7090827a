/**
 * The team database contract against a real CouchDB 3, when one is given:
 * COUCHDB_URL (the server root, e.g. http://127.0.0.1:5984) and
 * COUCHDB_USER / COUCHDB_PASSWORD of a server admin. Skipped otherwise.
 * It creates a database and four users with random names and removes them.
 */
import { describe } from 'vitest';
import { describeTeamContract } from '../../tests/support/team-contract';

const url = process.env.COUCHDB_URL?.replace(/\/+$/, '');
const username = process.env.COUCHDB_USER;
const password = process.env.COUCHDB_PASSWORD;

describe.skipIf(!url || !username || !password)('real CouchDB (COUCHDB_URL)', () => {
  describeTeamContract('team database contract (CouchDB at COUCHDB_URL)', async () => ({
    url: url ?? '',
    admin: { username: username ?? '', password: password ?? '' },
  }));
});
