/**
 * A small CouchDB client over `fetch` for the team database
 * (docs/TEAM-SYNC.md): the extension's service worker and dashboard and the
 * CLI talk to CouchDB through it. PouchDB would cost ~37 KB gzipped and its
 * own storage; team sync only needs a handful of HTTP calls, so this stays
 * tiny and dependency-free apart from zod.
 *
 * Every request carries the user's Basic credentials (never cookies), times
 * out (30 s by default), follows no redirect, and its answer is read with a
 * size limit and checked with zod before anything uses it. Every failure is
 * one `TeamSyncError` whose code says what kind of failure it was and whose
 * message says, in plain words, what was being done and where — never the
 * password.
 *
 * It implements `TeamServer` (lib/team/server.ts) for push and pull, plus
 * the admin calls `cli team setup` and `cli team add-user` need.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { MAX_IMPORT_FILE_BYTES } from '../log/import-limits';
import { readCappedBytes } from '../domain/capped-body';
import { utf8ToBase64 } from './documents';
import type { TeamChange, TeamDocResult, TeamServer } from './server';
import { parseTeamDatabaseUrl } from './team-key';

import type { TeamSyncErrorCode } from './error-codes';

export { TEAM_SYNC_ERROR_CODES } from './error-codes';
export type { TeamSyncErrorCode };

/** Anything that went wrong talking to the team database, in plain words. */
export class TeamSyncError extends Error {
  constructor(
    readonly code: TeamSyncErrorCode,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TeamSyncError';
  }
}

export interface CouchCredentials {
  username: string;
  password: string;
}

export interface CouchClientOptions {
  /** The fetch to use (tests pass their own); the global one by default. */
  fetch?: typeof fetch;
  /** How long one request may take, in ms (default 30 s). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest JSON answer read (a page of changes or documents is far smaller). */
export const MAX_JSON_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Largest attachment read: the same limit as an export file read from disk. */
export const MAX_ATTACHMENT_BYTES = MAX_IMPORT_FILE_BYTES;
/** Ids per `_all_docs` request without documents, and with them. */
export const KEYS_PER_REQUEST = 500;
export const DOCS_PER_REQUEST = 50;
/** Most changes asked for in one request. */
export const MAX_CHANGES_LIMIT = 10_000;
/** Documents per `_bulk_docs` request, and the largest body one request carries (characters). */
export const BULK_DOCS_PER_REQUEST = 100;
export const BULK_BODY_CHARS = 16 * 1024 * 1024;

// Generous bounds: the team's own ids are shorter (lib/team/documents.ts),
// but a stray document an admin added must not break reading the rest.
const idSchema = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(1000)));
const revSchema = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(200)));
const seqSchema = lazySchema(() => z.union([z.string().check(z.maxLength(1000)), z.number()]));
const reasonSchema = lazySchema(() => z.optional(z.string().check(z.maxLength(10_000))));

const errorBodySchema = lazySchema(() =>
  z.object({
    error: z.optional(z.string().check(z.maxLength(1000))),
    reason: z.optional(z.unknown()),
  }),
);

const sessionSchema = lazySchema(() =>
  z.object({
    userCtx: z.object({
      name: z.nullable(z.string().check(z.maxLength(1000))),
      roles: z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000)),
    }),
  }),
);

const databaseInfoSchema = lazySchema(() =>
  z.object({
    db_name: z.string().check(z.maxLength(1000)),
    doc_count: z.number(),
    doc_del_count: z.optional(z.number()),
    update_seq: seqSchema,
  }),
);
export type CouchDatabaseInfo = z.infer<typeof databaseInfoSchema>;

const allDocsRowSchema = lazySchema(() =>
  z.union([
    z.object({
      id: idSchema,
      key: z.unknown(),
      value: z.object({ rev: revSchema, deleted: z.optional(z.boolean()) }),
      doc: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
    }),
    z.object({ key: z.unknown(), error: z.string().check(z.maxLength(1000)) }),
  ]),
);
const allDocsSchema = (rows: number) =>
  z.object({ rows: z.array(allDocsRowSchema).check(z.maxLength(rows)) });

const bulkDocsSchema = (docs: number) =>
  z
    .array(
      z.union([
        z.object({ id: idSchema, ok: z.literal(true), rev: revSchema }),
        z.object({
          id: idSchema,
          error: z.string().check(z.maxLength(1000)),
          reason: reasonSchema,
        }),
      ]),
    )
    .check(z.maxLength(docs));

const changesSchema = (limit: number) =>
  z.object({
    results: z
      .array(
        z.object({
          id: idSchema,
          seq: seqSchema,
          changes: z.array(z.object({ rev: revSchema })).check(z.minLength(1), z.maxLength(1000)),
          deleted: z.optional(z.boolean()),
        }),
      )
      .check(z.maxLength(limit)),
    last_seq: seqSchema,
  });

const okSchema = lazySchema(() => z.object({ ok: z.literal(true) }));
const putSchema = lazySchema(() => z.object({ ok: z.literal(true), id: idSchema, rev: revSchema }));
const revOnlySchema = lazySchema(() => z.object({ _rev: revSchema }));

/** The database's `_security` object: who may read (members) and administer it. */
export const securitySchema = lazySchema(() =>
  z.object({
    admins: z.optional(
      z.object({
        names: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
        roles: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
      }),
    ),
    members: z.optional(
      z.object({
        names: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
        roles: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
      }),
    ),
  }),
);
export type CouchSecurity = z.infer<typeof securitySchema>;

/** What a request was for, in words that complete "while …" in a message. */
type Purpose = string;

interface RequestSpec {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Absolute URL. */
  url: string;
  purpose: Purpose;
  body?: string;
  /** Statuses the caller handles itself; their responses are returned unread. */
  accept?: readonly number[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

/** Server-given text, shortened and on one line, safe to quote in a message. */
function quoteReason(reason: unknown): string {
  if (typeof reason !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const clean = reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Reads a response body as text, refusing more than `maxBytes` (counted as
 * they arrive, after decompression). The BOM is kept: an attachment's text
 * must come back exactly as it was pushed.
 */
async function readBody(response: Response, maxBytes: number, tooLarge: () => TeamSyncError) {
  const bytes = await readCappedBytes(response, maxBytes, tooLarge);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export class CouchClient implements TeamServer {
  /** The database address, without a trailing slash. */
  readonly databaseUrl: string;
  /** The server root the database lives under (where `_session` and `_users` are). */
  readonly serverUrl: string;
  /** The database's name, decoded. */
  readonly databaseName: string;
  readonly username: string;
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(
    databaseUrl: string,
    credentials: CouchCredentials,
    options: CouchClientOptions = {},
  ) {
    // Mistakes in what was typed in, not sync failures: plain errors, said as such.
    const url = parseTeamDatabaseUrl(databaseUrl);
    if (!credentials.username || credentials.username.includes(':')) {
      throw new Error('The user name is empty or contains ":", which a CouchDB user name cannot.');
    }
    this.databaseUrl = url.href.replace(/\/+$/, '');
    const cut = this.databaseUrl.lastIndexOf('/');
    this.serverUrl = this.databaseUrl.slice(0, cut);
    this.databaseName = decodeURIComponent(this.databaseUrl.slice(cut + 1));
    this.username = credentials.username;
    this.#authorization = `Basic ${utf8ToBase64(`${credentials.username}:${credentials.password}`)}`;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  #timeoutText(): string {
    const ms = this.#timeoutMs;
    return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`;
  }

  /** "The team database at https://…" or "The CouchDB server at https://…". */
  #where(url: string): string {
    return url.startsWith(`${this.databaseUrl}/`) || url === this.databaseUrl
      ? `The team database at ${this.databaseUrl}`
      : `The CouchDB server at ${this.serverUrl}`;
  }

  #docUrl(id: string): string {
    // Design documents keep their slash: CouchDB answers `_design%2F…` too, but not every proxy does.
    const path = id.startsWith('_design/')
      ? `_design/${encodeURIComponent(id.slice('_design/'.length))}`
      : encodeURIComponent(id);
    return `${this.databaseUrl}/${path}`;
  }

  /** Sends a request; throws `TeamSyncError` for anything but a 2xx or an accepted status. */
  async #request(spec: RequestSpec): Promise<Response> {
    const where = this.#where(spec.url);
    let response: Response;
    try {
      response = await this.#fetch(spec.url, {
        method: spec.method,
        headers: {
          accept: 'application/json',
          authorization: this.#authorization,
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body,
        credentials: 'omit',
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new TeamSyncError(
          'timeout',
          `${where} did not answer within ${this.#timeoutText()} while ${spec.purpose}.`,
        );
      }
      throw new TeamSyncError(
        'unreachable',
        `${where} cannot be reached while ${spec.purpose}: check the address and the network connection.`,
      );
    }
    if (response.ok || spec.accept?.includes(response.status)) return response;
    throw await this.#failure(response, spec, where);
  }

  async #failure(response: Response, spec: RequestSpec, where: string): Promise<TeamSyncError> {
    let reason = '';
    let error = '';
    try {
      const text = await readBody(response, 64 * 1024, () => new TeamSyncError('server-error', ''));
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        reason = quoteReason(parsed.data.reason);
        error = parsed.data.error ?? '';
      }
    } catch {
      // No readable error body: the status alone tells what happened.
    }
    const says = reason ? ` (CouchDB says: "${reason}")` : '';
    const status = response.status;
    if (status === 401) {
      const credentialsWrong = !reason || /name or password/i.test(reason);
      return new TeamSyncError(
        'unauthorized',
        credentialsWrong
          ? `${where} refused the user name or password of "${this.username}" while ${spec.purpose}.`
          : `${where} does not let "${this.username}" in while ${spec.purpose}${says}.`,
        status,
      );
    }
    if (status === 403) {
      return new TeamSyncError(
        'forbidden',
        `${where} does not allow "${this.username}" to do this while ${spec.purpose}${says}.`,
        status,
      );
    }
    if (status === 404) {
      return new TeamSyncError(
        'not-found',
        error === 'not_found' && /database/i.test(reason) && where.startsWith('The team database')
          ? `${where} does not exist (found nothing while ${spec.purpose}); check the address or run "cli team setup".`
          : `${where} has nothing at ${spec.url} (while ${spec.purpose})${says}.`,
        status,
      );
    }
    return new TeamSyncError(
      'server-error',
      `${where} failed with HTTP ${status} while ${spec.purpose}${says}.`,
      status,
    );
  }

  /** Reads and validates a JSON answer. */
  async #json<T>(
    response: Response,
    schema: z.ZodMiniType<T>,
    spec: Pick<RequestSpec, 'url' | 'purpose'>,
  ): Promise<T> {
    const where = this.#where(spec.url);
    let text: string;
    try {
      text = await readBody(
        response,
        MAX_JSON_RESPONSE_BYTES,
        () =>
          new TeamSyncError(
            'invalid-response',
            `${where} sent more than ${MAX_JSON_RESPONSE_BYTES / 1024 / 1024} MB while ${spec.purpose}; that is not an answer team sync expects.`,
          ),
      );
    } catch (error) {
      throw this.#readFailure(error, where, spec.purpose);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new TeamSyncError(
        'invalid-response',
        `${where} answered with something that is not JSON while ${spec.purpose}; is this address a CouchDB database?`,
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      throw new TeamSyncError(
        'invalid-response',
        `${where} answered in an unexpected shape while ${spec.purpose} (at ${path || 'the top'}: ${issue?.message ?? 'invalid'}); is this a CouchDB 3 server?`,
      );
    }
    return parsed.data;
  }

  #readFailure(error: unknown, where: string, purpose: Purpose): TeamSyncError {
    if (error instanceof TeamSyncError) return error;
    if (isTimeout(error)) {
      return new TeamSyncError(
        'timeout',
        `${where} did not finish answering within ${this.#timeoutText()} while ${purpose}.`,
      );
    }
    return new TeamSyncError('unreachable', `${where} broke off the connection while ${purpose}.`);
  }

  async #getJson<T>(url: string, schema: z.ZodMiniType<T>, purpose: Purpose): Promise<T> {
    const spec = { method: 'GET' as const, url, purpose };
    return this.#json(await this.#request(spec), schema, spec);
  }

  async #sendJson<T>(
    method: 'PUT' | 'POST',
    url: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    purpose: Purpose,
  ): Promise<T> {
    const spec = {
      method,
      url,
      purpose,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    };
    return this.#json(await this.#request(spec), schema, spec);
  }

  /** Who the server takes these credentials for (`name` null: not logged in). */
  async session(): Promise<{ name: string | null; roles: string[] }> {
    const answer = await this.#getJson(
      `${this.serverUrl}/_session`,
      sessionSchema,
      'checking the user name and password',
    );
    return { name: answer.userCtx.name, roles: answer.userCtx.roles };
  }

  async databaseInfo(): Promise<CouchDatabaseInfo> {
    return this.#getJson(this.databaseUrl, databaseInfoSchema, 'opening the database');
  }

  /**
   * Which of `ids` the database holds. A deleted document counts as held:
   * the admin deleted it (an erasure request), and pushing it again would
   * undo that.
   */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const keys of chunk([...new Set(ids)], KEYS_PER_REQUEST)) {
      const answer = await this.#sendJson(
        'POST',
        `${this.databaseUrl}/_all_docs`,
        { keys },
        allDocsSchema(keys.length),
        'looking up which documents are already there',
      );
      for (const row of answer.rows) if ('id' in row) found.add(row.id);
    }
    return found;
  }

  /**
   * Creates documents (never updates: none carries a `_rev`). One result per
   * document, in order: `ok`; `exists` when the server refused it and the
   * document is indeed there (CouchDB says "conflict", the validation
   * function "forbidden"); `forbidden` with the validation's reason;
   * `error` for anything else.
   */
  async createDocs(docs: readonly Record<string, unknown>[]): Promise<TeamDocResult[]> {
    const results: TeamDocResult[] = [];
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const count = batch.length;
      const body = `{"docs":[${batch.join(',')}]}`;
      batch = [];
      batchChars = 0;
      const answer = await this.#sendJson(
        'POST',
        `${this.databaseUrl}/_bulk_docs`,
        body,
        bulkDocsSchema(count),
        `adding ${count === 1 ? 'a document' : `${count} documents`}`,
      );
      results.push(...(await this.#classify(answer)));
    };
    for (const doc of docs) {
      const text = JSON.stringify(doc);
      if (batch.length >= BULK_DOCS_PER_REQUEST || batchChars + text.length > BULK_BODY_CHARS) {
        await flush();
      }
      batch.push(text);
      batchChars += text.length;
    }
    await flush();
    if (results.length !== docs.length) {
      throw new TeamSyncError(
        'invalid-response',
        `The team database at ${this.databaseUrl} answered for ${results.length} of ${docs.length} documents while adding them.`,
      );
    }
    return results;
  }

  async #classify(answer: z.infer<ReturnType<typeof bulkDocsSchema>>): Promise<TeamDocResult[]> {
    const refused = answer.filter(
      (row) => 'error' in row && (row.error === 'conflict' || row.error === 'forbidden'),
    );
    const there =
      refused.length > 0 ? await this.existingIds(refused.map((row) => row.id)) : new Set();
    return answer.map((row): TeamDocResult => {
      if ('ok' in row) return { id: row.id, status: 'ok' };
      const reason = quoteReason(row.reason) || row.error;
      if ((row.error === 'conflict' || row.error === 'forbidden') && there.has(row.id)) {
        return { id: row.id, status: 'exists' };
      }
      if (row.error === 'forbidden' || row.error === 'unauthorized') {
        return { id: row.id, status: 'forbidden', reason };
      }
      return { id: row.id, status: 'error', reason };
    });
  }

  /**
   * One page of the changes feed after `since` (null: from the start), at
   * most `limit` entries, each with the id and its current revision.
   * Sequence values are opaque (numbers here, strings in CouchDB 3): pass
   * `lastSeq` back as it came.
   */
  async changes(
    since: string | number | null,
    limit: number,
  ): Promise<{ results: TeamChange[]; lastSeq: string | number }> {
    const size = Math.max(1, Math.min(MAX_CHANGES_LIMIT, Math.floor(limit)));
    const query = new URLSearchParams({ since: String(since ?? 0), limit: String(size) });
    const answer = await this.#getJson(
      `${this.databaseUrl}/_changes?${query.toString()}`,
      changesSchema(size),
      'listing what changed',
    );
    return {
      results: answer.results.map((change) => ({
        id: change.id,
        rev: change.changes[0]?.rev ?? '',
        ...(change.deleted ? { deleted: true } : {}),
      })),
      lastSeq: answer.last_seq,
    };
  }

  /**
   * The documents with these ids, in the same order: null for one that is
   * missing or deleted. Bodies are returned as stored (with `_id`, `_rev`
   * and attachment stubs); the caller checks their shape.
   */
  async getDocs(ids: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
    const byId = new Map<string, Record<string, unknown>>();
    for (const keys of chunk([...new Set(ids)], DOCS_PER_REQUEST)) {
      const answer = await this.#sendJson(
        'POST',
        `${this.databaseUrl}/_all_docs?include_docs=true`,
        { keys },
        allDocsSchema(keys.length),
        'reading documents',
      );
      for (const row of answer.rows) {
        if ('id' in row && row.doc && !row.value.deleted) byId.set(row.id, row.doc);
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One document, or null when there is none (or it was deleted). */
  async getDoc(id: string): Promise<Record<string, unknown> | null> {
    const spec = {
      method: 'GET' as const,
      url: this.#docUrl(id),
      purpose: `reading ${id}`,
      accept: [404],
    };
    const response = await this.#request(spec);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    return this.#json(response, z.record(z.string(), z.unknown()), spec);
  }

  /** The text of attachment `name` of document `id`, exactly as stored. */
  async getAttachmentText(id: string, name: string): Promise<string> {
    const url = `${this.#docUrl(id)}/${encodeURIComponent(name)}`;
    const purpose = `downloading ${name} of ${id}`;
    const where = this.#where(url);
    const response = await this.#request({ method: 'GET', url, purpose });
    try {
      return await readBody(
        response,
        MAX_ATTACHMENT_BYTES,
        () =>
          new TeamSyncError(
            'invalid-response',
            `${where} sent more than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB for ${name} of ${id}, more than an export may hold.`,
          ),
      );
    } catch (error) {
      throw this.#readFailure(error, where, purpose);
    }
  }

  // --- admin calls (cli team setup / add-user, tests) ---

  /** Creates the database; false when it already existed. */
  async createDatabase(): Promise<boolean> {
    const spec = {
      method: 'PUT' as const,
      url: this.databaseUrl,
      purpose: 'creating the database',
      accept: [412],
    };
    const response = await this.#request(spec);
    if (response.status === 412) {
      await response.body?.cancel();
      return false;
    }
    await this.#json(response, okSchema, spec);
    return true;
  }

  /** Deletes the whole database (the contract test's clean-up; a server admin only). */
  async deleteDatabase(): Promise<void> {
    const spec = {
      method: 'DELETE' as const,
      url: this.databaseUrl,
      purpose: 'deleting the database',
    };
    await this.#json(await this.#request(spec), okSchema, spec);
  }

  async getSecurity(): Promise<CouchSecurity> {
    return this.#getJson(
      `${this.databaseUrl}/_security`,
      securitySchema,
      'reading the security settings',
    );
  }

  async putSecurity(security: CouchSecurity): Promise<void> {
    await this.#sendJson(
      'PUT',
      `${this.databaseUrl}/_security`,
      security,
      okSchema,
      'setting who may read and write',
    );
  }

  /**
   * Stores a document as given (with its `_rev` when it replaces one): the
   * database admin's way to change anything, e.g. to erase or, in tests, to
   * alter a batch.
   */
  async putDocument(doc: Record<string, unknown>): Promise<{ id: string; rev: string }> {
    const id = doc._id;
    if (typeof id !== 'string' || id === '') throw new TypeError('putDocument needs an _id.');
    const answer = await this.#sendJson('PUT', this.#docUrl(id), doc, putSchema, `storing ${id}`);
    return { id: answer.id, rev: answer.rev };
  }

  /**
   * Creates or updates a design document: `unchanged` when the stored one
   * has the same fields already.
   */
  async putDesignDoc(
    doc: { _id: string } & Record<string, unknown>,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    if (!doc._id.startsWith('_design/'))
      throw new TypeError(`${doc._id} is not a design document id.`);
    const current = await this.getDoc(doc._id);
    if (current) {
      const { _rev: _ignored, ...stored } = current;
      if (sameJson(stored, doc)) return 'unchanged';
    }
    const rev = current ? revOnlySchema.parse(current)._rev : undefined;
    await this.putDocument({ ...doc, ...(rev ? { _rev: rev } : {}) });
    return current ? 'updated' : 'created';
  }

  /** Creates a CouchDB user (or sets a new password and roles); needs a server admin. */
  async putUser(
    name: string,
    password: string,
    roles: readonly string[],
  ): Promise<'created' | 'updated'> {
    const id = `org.couchdb.user:${name}`;
    const url = `${this.serverUrl}/_users/${encodeURIComponent(id)}`;
    const lookup = {
      method: 'GET' as const,
      url,
      purpose: `looking up user ${name}`,
      accept: [404],
    };
    const response = await this.#request(lookup);
    let rev: string | undefined;
    if (response.status === 404) await response.body?.cancel();
    else rev = (await this.#json(response, revOnlySchema, lookup))._rev;
    await this.#sendJson(
      'PUT',
      url,
      { _id: id, ...(rev ? { _rev: rev } : {}), name, password, roles: [...roles], type: 'user' },
      putSchema,
      `saving user ${name}`,
    );
    return rev ? 'updated' : 'created';
  }
}

/** Deep equality of JSON values, key order ignored. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
