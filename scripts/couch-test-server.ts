/**
 * `npm run couch:test-server [-- --port N]`: a CouchDB-compatible team
 * database on this machine, for trying team sync by hand
 * (docs/TEAM-SYNC.md#trying-it-locally). It runs in the foreground until
 * Ctrl+C and keeps everything in memory: nothing survives a restart.
 *
 * It sets the database up as `cli team setup` does, adds two example users
 * (anna, advisor; sam, supervisor) and prints the admin, their passwords and
 * the connection code. Port 5984 (CouchDB's own) when free, otherwise any.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CouchClient } from '../lib/team/couch-client';
import { setupTeamDatabase } from '../lib/team/design';
import { createTeamSecret, encodeConnectionCode } from '../lib/team/team-key';
import type { CouchTestServer } from '../tests/support/couch-test-server';
import { startCouchTestServer } from '../tests/support/couch-test-server';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const wanted = values.port === undefined ? 5984 : Number(values.port);
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error('--port must be a port number (0 for any free port).');
  process.exit(2);
}

let server: CouchTestServer;
try {
  server = await startCouchTestServer({ port: wanted });
} catch (error) {
  if (values.port !== undefined) throw error;
  // 5984 is taken (perhaps by a real CouchDB): any free port will do.
  server = await startCouchTestServer();
}

const dbUrl = server.databaseUrl('outreach-team');
await setupTeamDatabase(new CouchClient(dbUrl, server.admin));
const users = [
  { name: 'anna', role: 'advisor', password: randomBytes(9).toString('base64url') },
  { name: 'sam', role: 'supervisor', password: randomBytes(9).toString('base64url') },
];
for (const user of users) await server.addUser(user.name, user.password, [user.role]);

console.log(`CouchDB-compatible test server at ${server.url} (in memory; Ctrl+C stops it)

Server admin:   ${server.admin.username} / ${server.admin.password}
Team database:  ${dbUrl}
${users.map((user) => `User ${user.name.padEnd(10)}${user.password}  (${user.role})`).join('\n')}

Connection code (a new team secret each start):
${encodeConnectionCode(dbUrl, createTeamSecret())}

Try the CLI against it, e.g.:
  COUCHDB_USER=anna COUCHDB_PASSWORD=${users[0]?.password} npm run --silent cli -- team push examples/advisor-a.json examples/advisor-b.json --url ${dbUrl}
  COUCHDB_USER=sam COUCHDB_PASSWORD=${users[1]?.password} npm run --silent cli -- team pull --url ${dbUrl} -o team.json --trusted examples/advisor-a.public-key.json`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
