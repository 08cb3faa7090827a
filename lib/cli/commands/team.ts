/**
 * The team database from the command line (docs/TEAM-SYNC.md):
 *
 * - `team setup --url DBURL [--secret S]`: the admin creates or updates the
 *   database, its validation and security, and gets the connection code;
 * - `team add-user NAME --role advisor|supervisor --url DBURL`: a CouchDB
 *   user with a team role, so the admin needs no curl;
 * - `team push EXPORT... --url DBURL`: signed exports become batch
 *   documents under the logged-in advisor's name, each at most once;
 * - `team pull --url DBURL -o FILE`: every batch, checked against its
 *   document and verified, into one bundle file that `logs verify`,
 *   `logs report` and `logs missed` read.
 *
 * Credentials come from COUCHDB_USER / COUCHDB_PASSWORD only, never from
 * arguments, so they stay out of shell history and process lists.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { serialiseLogBundle, MAX_BUNDLE_FILE_BYTES } from '../../log/bundle';
import type { BundledExport } from '../../log/bundle';
import type { ReadLogExport } from '../../log/envelope';
import { describeVerification, LogExportError, readLogExport } from '../../log/envelope';
import { formatMegabytes, utf8ByteLength } from '../../log/import-limits';
import { CouchClient, TeamSyncError } from '../../team/couch-client';
import { setupTeamDatabase, TEAM_ROLES } from '../../team/design';
import type { TeamRole } from '../../team/design';
import { readChanges } from '../../team/server';
import {
  BATCH_ATTACHMENT,
  batchDisagreement,
  batchDocSchema,
  batchFactsOf,
  buildBatchDoc,
  parseTeamDocId,
  teamDocId,
  TEAM_USER_PATTERN,
} from '../../team/documents';
import type { BatchDoc } from '../../team/documents';
import {
  CONNECTION_CODE_PREFIX,
  createTeamSecret,
  decodeConnectionCode,
  encodeConnectionCode,
  parseTeamDatabaseUrl,
  teamSecretSchema,
} from '../../team/team-key';
import type { CliCommand, CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';
import { readCapped, readTrustedKeys } from './logs';

/** A CLI push or pull may move a 100 MB export: more time per request than the extension's default. */
const CLI_TIMEOUT_MS = 120_000;

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

function databaseUrl(value: string | undefined): string {
  if (value === undefined) throw new CliUsageError('Name the team database with --url DBURL.');
  try {
    return parseTeamDatabaseUrl(value).href;
  } catch (error) {
    throw new CliUsageError(`--url: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The client for COUCHDB_USER / COUCHDB_PASSWORD, or a clear refusal. */
function clientFor(io: CliIo, url: string, who: string): CouchClient {
  const username = io.env?.COUCHDB_USER;
  const password = io.env?.COUCHDB_PASSWORD;
  if (!username || !password) {
    throw new CliUserError(
      `Set COUCHDB_USER and COUCHDB_PASSWORD to ${who}'s CouchDB user name and password. They are read from the environment only, so they stay out of the shell history.`,
      2,
    );
  }
  try {
    return new CouchClient(url, { username, password }, { timeoutMs: CLI_TIMEOUT_MS });
  } catch (error) {
    throw new CliUserError(
      `COUCHDB_USER: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
}

/** Runs `task`; a `TeamSyncError` becomes a plain CLI error. */
async function talking<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof TeamSyncError) throw new CliUserError(error.message);
    throw error;
  }
}

export const teamSetupCommand: CliCommand = {
  path: ['team', 'setup'],
  summary: 'Creates or updates the team database and prints the connection code (server admin)',
  usage: `Usage: COUCHDB_USER=admin COUCHDB_PASSWORD=… npm run --silent cli -- team setup --url DBURL [--secret S]

Creates the team database at DBURL if it does not exist, installs or updates
its design document (advisors may only add documents under their own user
name and never change or delete one; supervisors read) and its security
settings (members: roles advisor and supervisor), and prints the team's
connection code: the database address and a new team secret in one line.
Running it again changes nothing that is already right.

The team secret is not stored anywhere, not on the server either: keep the
code. Advisors and supervisors enter it in the extension with their own user
name and password (docs/TEAM-SYNC.md).

Options:
  --url DBURL    the team database, e.g. https://couch.example.org/outreach-team
  --secret S     reuse the team's secret (or a connection code holding it)
                 instead of making a new one

Environment: COUCHDB_USER, COUCHDB_PASSWORD of a CouchDB server admin.

Exit codes: 0 done, 1 the server refused or failed, 2 the command was called
wrongly or the credentials are missing.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      url: { type: 'string' },
      secret: { type: 'string' },
    });
    if (positionals.length > 0) throw new CliUsageError(`Unexpected argument: ${positionals[0]}`);
    const url = databaseUrl(values.url);
    let secret = createTeamSecret();
    let reused = false;
    if (values.secret !== undefined) {
      const given = values.secret.trim();
      try {
        secret = given.startsWith(CONNECTION_CODE_PREFIX)
          ? decodeConnectionCode(given).secret
          : teamSecretSchema.parse(given);
      } catch {
        throw new CliUsageError(
          '--secret must be the team secret (43 letters, digits, - and _) or a connection code.',
        );
      }
      reused = true;
    }
    const client = clientFor(io, url, 'a CouchDB server admin');
    const result = await talking(() => setupTeamDatabase(client));
    const lines = [
      `Team database ${url}: ${result.databaseCreated ? 'created' : 'already there'}; validation ${result.designDoc}; security ${result.security === 'set' ? 'set (members: advisor, supervisor)' : 'unchanged'}.`,
      '',
      'Connection code (give it to each advisor and supervisor, with their own user name and password):',
      encodeConnectionCode(url, secret),
      '',
      reused
        ? 'It holds the team secret you gave with --secret.'
        : 'It holds a NEW team secret, which is stored nowhere, not on the server either: keep this code. To print it again later, run team setup with --secret and this code.',
      'Add people with: npm run --silent cli -- team add-user NAME --role advisor|supervisor --url ' +
        url,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

export const teamAddUserCommand: CliCommand = {
  path: ['team', 'add-user'],
  summary: 'Creates a CouchDB user with the role advisor or supervisor (server admin)',
  usage: `Usage: COUCHDB_USER=admin COUCHDB_PASSWORD=… npm run --silent cli -- team add-user NAME --role advisor|supervisor --url DBURL

Creates the CouchDB user NAME on the server that holds DBURL with the role
given, or gives an existing user a new password and that role. The password
is TEAM_USER_PASSWORD when set; otherwise a random one is made and printed
once. User names: letters, digits and ._@+- (at most 100), starting with a
letter or digit; they name the user's documents in the team database.

Options:
  --role R      advisor (pushes records) or supervisor (reads them)
  --url DBURL   the team database (its server gets the user)

Environment: COUCHDB_USER, COUCHDB_PASSWORD of a CouchDB server admin;
TEAM_USER_PASSWORD (optional) the new user's password.

Exit codes: 0 done, 1 the server refused or failed, 2 the command was called
wrongly or the credentials are missing.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      url: { type: 'string' },
      role: { type: 'string' },
    });
    const [name, extra] = positionals;
    if (name === undefined) throw new CliUsageError('Name the user to add.');
    if (extra !== undefined) throw new CliUsageError(`Unexpected argument: ${extra}`);
    if (!TEAM_USER_PATTERN.test(name)) {
      throw new CliUsageError(
        `"${name}" cannot be a team user name: use letters, digits and ._@+- (at most 100), starting with a letter or digit.`,
      );
    }
    const role = values.role as TeamRole | undefined;
    if (role === undefined || !TEAM_ROLES.includes(role)) {
      throw new CliUsageError('--role must be advisor or supervisor.');
    }
    const url = databaseUrl(values.url);
    const client = clientFor(io, url, 'a CouchDB server admin');
    const given = io.env?.TEAM_USER_PASSWORD;
    const password = given || randomBytes(15).toString('base64url');
    const outcome = await talking(() => client.putUser(name, password, [role]));
    io.stdout.write(
      `${outcome === 'created' ? 'Created' : 'Updated'} user "${name}" with role ${role} on ${client.serverUrl}.\n`,
    );
    if (!given) {
      io.stdout.write(
        `Password (shown once, not stored anywhere; pass it on safely): ${password}\n`,
      );
    }
    return 0;
  },
};

export const teamPushCommand: CliCommand = {
  path: ['team', 'push'],
  summary: 'Adds signed log exports to the team database (advisor)',
  usage: `Usage: COUCHDB_USER=… COUCHDB_PASSWORD=… npm run --silent cli -- team push EXPORT... --url DBURL

Checks each JSON export (format, checksum, signature) and adds it to the team
database as a batch document under your user name, with the file's exact
text attached. An export already there is not added again. Prints one line
per file: PUSHED, ALREADY ("already in the team database"), REFUSED (the file
is not an intact signed export) or FAILED (the server refused or failed).

Options:
  --url DBURL   the team database

Environment: COUCHDB_USER, COUCHDB_PASSWORD of a user with the role advisor.

Exit codes: 0 every file is in the team database, 1 any file was refused or
failed, 2 the command was called wrongly or the credentials are missing.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { url: { type: 'string' } });
    if (positionals.length === 0) throw new CliUsageError('Name at least one JSON export.');
    const url = databaseUrl(values.url);
    const client = clientFor(io, url, 'an advisor');
    const session = await talking(() => client.session());
    const user = session.name;
    if (user === null) {
      throw new CliUserError(
        `The CouchDB server at ${client.serverUrl} did not log "${client.username}" in.`,
      );
    }
    if (!session.roles.includes('advisor') && !session.roles.includes('_admin')) {
      throw new CliUserError(
        `"${user}" is not an advisor in the team (roles: ${session.roles.join(', ') || 'none'}); only advisors push.`,
      );
    }
    if (!TEAM_USER_PATTERN.test(user)) {
      throw new CliUserError(
        `The user name "${user}" cannot name team documents (letters, digits and ._@+- only).`,
      );
    }
    await talking(() => client.databaseInfo());

    let failed = false;
    const pushedNow = new Set<string>();
    for (const file of positionals) {
      let text: string;
      let envelope: ReadLogExport;
      try {
        text = await readCapped(io, file, Number.POSITIVE_INFINITY);
        envelope = (await readLogExport(text)).envelope;
      } catch (error) {
        if (!(error instanceof LogExportError) && !(error instanceof CliUserError)) throw error;
        failed = true;
        io.stdout.write(`REFUSED ${file}: ${error.message.replace(`${file}: `, '')}\n`);
        continue;
      }
      if (!envelope.signature) {
        failed = true;
        io.stdout.write(
          `REFUSED ${file}: the export is not signed (made before signed exports); export it again from the extension.\n`,
        );
        continue;
      }
      const id = teamDocId(user, 'batch', envelope.checksum.value);
      const events = `${envelope.eventCount} events, advisor "${envelope.advisor}"`;
      try {
        if (pushedNow.has(id) || (await client.existingIds([id])).has(id)) {
          io.stdout.write(`ALREADY ${file}: already in the team database as ${id}\n`);
          continue;
        }
        const doc = buildBatchDoc(user, batchFactsOf(envelope), text, new Date().toISOString());
        const [result] = await client.createDocs([doc]);
        if (result?.status === 'ok') {
          pushedNow.add(id);
          io.stdout.write(`PUSHED ${file}: ${id} (${events})\n`);
        } else if (result?.status === 'exists') {
          io.stdout.write(`ALREADY ${file}: already in the team database as ${id}\n`);
        } else {
          failed = true;
          io.stdout.write(
            `FAILED ${file}: the team database refused it (${result?.reason ?? 'no reason given'}).\n`,
          );
        }
      } catch (error) {
        if (!(error instanceof TeamSyncError)) throw error;
        failed = true;
        io.stdout.write(`FAILED ${file}: ${error.message}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};

/** Why a batch on the server is not what its advisor pushed, or null when it is. */
function serverChange(
  id: string,
  rev: string,
  doc: BatchDoc,
  envelope: ReadLogExport,
): string | null {
  const parsed = parseTeamDocId(id);
  if (!rev.startsWith('1-'))
    return `the document was changed after it was pushed (revision ${rev.split('-')[0]})`;
  if (!parsed || doc.user !== parsed.user || doc.checksum !== parsed.checksum) {
    return 'the document does not match its name';
  }
  return batchDisagreement(doc, envelope);
}

export const teamPullCommand: CliCommand = {
  path: ['team', 'pull'],
  summary: 'Downloads every batch of the team database into one bundle file (supervisor)',
  usage: `Usage: COUCHDB_USER=… COUCHDB_PASSWORD=… npm run --silent cli -- team pull --url DBURL -o FILE [--trusted KEY...] [--user NAME...]

Reads every batch document of the team database, downloads its export and
checks it: the export must be intact and signed, and the document must be
unchanged since it was pushed and agree with its export. Prints one line per
batch: OK (signed by a key given with --trusted), UNTRUSTED (signed by another
key) or REFUSED with the reason ("changed on the server" for a batch edited
after it was pushed). Writes the batches that are not refused to FILE, a team
bundle that "logs verify", "logs report" and "logs missed" read like exports.

Options:
  -o, --output FILE  the bundle to write
  --trusted KEY      an advisor's public key file to trust (repeatable)
  --user NAME        only this user's batches (repeatable)

Environment: COUCHDB_USER, COUCHDB_PASSWORD of a team member (supervisor).

Exit codes: 0 every batch written, 1 some batches were refused (the others are
written) or the database could not be read, 2 the command was called wrongly
or the credentials are missing.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      url: { type: 'string' },
      output: { type: 'string', short: 'o' },
      trusted: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
    });
    if (positionals.length > 0) throw new CliUsageError(`Unexpected argument: ${positionals[0]}`);
    const url = databaseUrl(values.url);
    if (values.output === undefined)
      throw new CliUsageError('Name the bundle to write with -o FILE.');
    const users = new Set(values.user ?? []);
    const trusted = await readTrustedKeys(io, values.trusted ?? []);
    const client = clientFor(io, url, 'a team member');

    // Every batch and its current revision, from the changes feed.
    const { revs: changed } = await talking(() => readChanges(client, null));
    const revs = new Map<string, string>();
    for (const [id, rev] of changed) {
      const parsed = parseTeamDocId(id);
      if (rev === null || parsed?.kind !== 'batch') continue;
      if (users.size === 0 || users.has(parsed.user)) revs.set(id, rev);
    }

    const ids = [...revs.keys()].sort();
    const docs = await talking(() => client.getDocs(ids));
    const exports: BundledExport[] = [];
    let bytes = 0;
    let refused = 0;
    let events = 0;
    const refuse = (id: string, reason: string) => {
      refused += 1;
      io.stdout.write(`REFUSED ${id}: ${reason}\n`);
    };
    for (const [index, id] of ids.entries()) {
      const raw = docs[index];
      if (!raw) continue; // deleted since the changes were read
      const doc = batchDocSchema.safeParse(raw);
      if (!doc.success) {
        refuse(id, 'changed on the server: the document is not a batch this version reads');
        continue;
      }
      const rev = typeof raw._rev === 'string' ? raw._rev : '';
      let text: string;
      try {
        text = await client.getAttachmentText(id, BATCH_ATTACHMENT);
      } catch (error) {
        if (!(error instanceof TeamSyncError)) throw error;
        if (error.code === 'not-found') {
          refuse(id, `changed on the server: ${BATCH_ATTACHMENT} is missing`);
          continue;
        }
        throw new CliUserError(error.message);
      }
      let read;
      try {
        read = await readLogExport(text, trusted);
      } catch (error) {
        if (!(error instanceof LogExportError)) throw error;
        refuse(id, `changed on the server: ${error.message}`);
        continue;
      }
      const change = serverChange(id, rev, doc.data, read.envelope);
      if (change) {
        refuse(id, `changed on the server: ${change}`);
        continue;
      }
      bytes += utf8ByteLength(text);
      if (bytes > MAX_BUNDLE_FILE_BYTES) {
        throw new CliUserError(
          `The batches add up to more than ${formatMegabytes(MAX_BUNDLE_FILE_BYTES)}, more than one bundle file may hold; pull fewer advisors at a time with --user NAME. Nothing was written.`,
        );
      }
      events += read.envelope.events.length;
      exports.push({ id, user: doc.data.user, text });
      const what = `${describeVerification(read.verification)}; advisor "${read.envelope.advisor}", ${read.envelope.events.length} events`;
      io.stdout.write(
        `${read.verification.status === 'verified' ? 'OK' : 'UNTRUSTED'} ${id}: ${what}\n`,
      );
    }

    const target = resolve(io.cwd, values.output);
    const bundle = serialiseLogBundle({
      format: 'outreach-advisor-log-bundle',
      schemaVersion: 1,
      pulledAt: new Date().toISOString(),
      database: url,
      exports,
    });
    try {
      await writeFile(target, bundle);
    } catch {
      throw new CliUserError(`${values.output}: cannot be written.`);
    }
    io.stdout.write(
      `Wrote ${values.output}: ${exports.length} ${exports.length === 1 ? 'batch' : 'batches'}, ${events} events from ${url}${refused > 0 ? `; ${refused} refused and left out` : ''}.\n`,
    );
    return refused > 0 ? 1 : 0;
  },
};

export const TEAM_COMMANDS: readonly CliCommand[] = [
  teamSetupCommand,
  teamAddUserCommand,
  teamPushCommand,
  teamPullCommand,
];
