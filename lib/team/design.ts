/**
 * The server side of team sync is CouchDB's own (docs/TEAM-SYNC.md#server-setup):
 * one design document whose `validate_doc_update` decides what may be
 * written, and the `_security` object that decides who may read.
 *
 * - Readers: members with role `advisor` or `supervisor`; CouchDB has no
 *   per-document read control, so every member reads every document.
 * - Writers: an advisor adds documents under their own user name
 *   (`<user>:batch:<sha256>`, `<user>:posts:<sha256>`, lib/team/documents.ts)
 *   and can never change or delete one, not even their own; a supervisor
 *   writes nothing. The server admin (`_admin`) may do anything: that is how
 *   a batch is erased on request.
 *
 * The validation function is a string in ES5, as CouchDB runs it in its
 * own JavaScript engine (SpiderMonkey 1.8.5 in many installs); the
 * constants it checks come from lib/team/documents.ts, so both sides agree.
 */
import {
  BATCH_ATTACHMENT,
  MAX_POSTS_PER_DOC,
  TEAM_BATCH_TYPE,
  TEAM_DOC_SCHEMA_VERSION,
  TEAM_POSTS_TYPE,
  TEAM_USER_PATTERN,
} from './documents';
import type { CouchClient, CouchSecurity } from './couch-client';
import { TeamSyncError } from './couch-client';

export const DESIGN_DOC_ID = '_design/outreach-advisor';
export const ADVISOR_ROLE = 'advisor';
export const SUPERVISOR_ROLE = 'supervisor';
export const TEAM_ROLES = [ADVISOR_ROLE, SUPERVISOR_ROLE] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * `validate_doc_update(newDoc, oldDoc, userCtx, secObj)`. Messages are
 * written for the person who sees them: an advisor's extension or the CLI
 * shows the reason as CouchDB returns it.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (oldDoc) {
    throw({ forbidden: 'Team documents cannot be changed or deleted once stored; only the database admin can.' });
  }
  if (newDoc._deleted) {
    throw({ forbidden: 'Team documents cannot be deleted; only the database admin can.' });
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    throw({ forbidden: 'Only the database admin can change design documents.' });
  }
  if (roles.indexOf(${JSON.stringify(ADVISOR_ROLE)}) === -1) {
    throw({ forbidden: 'Only advisors add documents to the team database.' });
  }
  var name = userCtx.name;
  if (typeof name !== 'string' || !${TEAM_USER_PATTERN.toString()}.test(name)) {
    throw({ forbidden: 'This user name cannot be used for team documents (letters, digits and ._@+- only).' });
  }
  var match = /^([^:]+):(batch|posts):([0-9a-f]{64})$/.exec(newDoc._id);
  if (!match || match[1] !== name) {
    throw({ forbidden: 'Documents must be named ' + name + ':batch:<checksum> or ' + name + ':posts:<checksum>.' });
  }
  if (newDoc.user !== name) {
    throw({ forbidden: 'The document must name its author, ' + name + ', in "user".' });
  }
  if (newDoc.schemaVersion !== ${TEAM_DOC_SCHEMA_VERSION}) {
    throw({ forbidden: 'Unknown document version; update Outreach Advisor.' });
  }
  var attachments = [];
  for (var key in (newDoc._attachments || {})) attachments.push(key);
  if (match[2] === 'batch') {
    if (newDoc.type !== ${JSON.stringify(TEAM_BATCH_TYPE)} || newDoc.checksum !== match[3]) {
      throw({ forbidden: 'A batch must have type ${TEAM_BATCH_TYPE} and its checksum in the name.' });
    }
    if (attachments.length !== 1 || attachments[0] !== ${JSON.stringify(BATCH_ATTACHMENT)}) {
      throw({ forbidden: 'A batch carries exactly one attachment, ${BATCH_ATTACHMENT}.' });
    }
  } else {
    if (newDoc.type !== ${JSON.stringify(TEAM_POSTS_TYPE)}) {
      throw({ forbidden: 'A posts document must have type ${TEAM_POSTS_TYPE}.' });
    }
    if (attachments.length !== 0) {
      throw({ forbidden: 'A posts document has no attachments.' });
    }
    if (Object.prototype.toString.call(newDoc.posts) !== '[object Array]' || newDoc.posts.length > ${MAX_POSTS_PER_DOC}) {
      throw({ forbidden: 'A posts document lists at most ${MAX_POSTS_PER_DOC} posts.' });
    }
  }
}`;

export function teamDesignDoc(): {
  _id: string;
  language: 'javascript';
  validate_doc_update: string;
} {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE };
}

/**
 * Members read; nobody but the server admins administers the database
 * (an empty `admins` list leaves that to them).
 */
export function teamSecurity(): CouchSecurity {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [...TEAM_ROLES] },
  };
}

export interface SetupResult {
  databaseCreated: boolean;
  designDoc: 'created' | 'updated' | 'unchanged';
  security: 'set' | 'unchanged';
}

/**
 * Creates the team database if missing and installs (or updates) the
 * design document and the security settings. Idempotent: running it again
 * changes nothing that is already right. Needs a server admin.
 */
export async function setupTeamDatabase(client: CouchClient): Promise<SetupResult> {
  const session = await client.session();
  if (!session.roles.includes('_admin')) {
    throw new TeamSyncError(
      'forbidden',
      `Setting up the team database needs a CouchDB server admin; "${session.name ?? client.username}" is not one.`,
    );
  }
  const databaseCreated = await client.createDatabase();
  const designDoc = await client.putDesignDoc(teamDesignDoc());
  const wanted = teamSecurity();
  const current = await client.getSecurity();
  const same = JSON.stringify(sortedRoles(current)) === JSON.stringify(sortedRoles(wanted));
  if (!same) await client.putSecurity(wanted);
  return { databaseCreated, designDoc, security: same ? 'unchanged' : 'set' };
}

function sortedRoles(security: CouchSecurity) {
  const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
  return {
    admins: { names: sorted(security.admins?.names), roles: sorted(security.admins?.roles) },
    members: { names: sorted(security.members?.names), roles: sorted(security.members?.roles) },
  };
}
