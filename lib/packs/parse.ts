/**
 * Turning untrusted input (a file's text, a fetched body, an already parsed
 * object) into a `Pack`, or into a list of every problem found in it.
 *
 * Order matters for safety: size and nesting depth are checked on the raw text
 * before `JSON.parse`, the format version is read and older versions are
 * upgraded step by step (`PACK_UPGRADES`), then the structure is checked with
 * the zod schema and the cross-field rules with `validate.ts`. Structure is
 * checked per answer, so one broken answer does not hide the problems of the
 * others.
 */
import type * as z from 'zod';
import { POST_LANGUAGES } from '../domain/languages';
import {
  checkDepth,
  checkSize,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_PACK_BYTES,
  locateSyntaxError,
  MAX_VALUE_NODES,
  valueShapeProblem,
} from './json-text';
import { normaliseLink } from './links';
import type { PackProblem, PathSegment } from './problems';
import { formatPath, hasErrors } from './problems';
import { answerSchema, PACK_SCHEMA_VERSION, packSchema, type Answer, type Pack } from './schema';
import {
  findMarkupInRawAnswer,
  validateAnswer,
  validateAnswerIds,
  validateExampleContentFlag,
  validatePackHeader,
  type ValidateOptions,
} from './validate';

/**
 * One step of the upgrade chain: turns a pack of `from` into a pack of
 * `from + 1`. Version 2 adds `{ from: 1, upgrade: upgradeV1ToV2 }` here and
 * bumps `PACK_SCHEMA_VERSION`; nothing else in the parser changes.
 */
export interface PackUpgrade {
  from: number;
  upgrade(pack: Record<string, unknown>): Record<string, unknown>;
}

export const PACK_UPGRADES: readonly PackUpgrade[] = [];

/** Answers in one pack (the schema says the same). */
const MAX_ANSWERS = 5000;

export interface ParsePackOptions extends ValidateOptions {
  /** Largest accepted text in UTF-8 bytes (default 5 MB). */
  maxBytes?: number;
  /** Deepest accepted nesting of objects and arrays (default 32). */
  maxDepth?: number;
}

export type ParsePackResult =
  | {
      ok: true;
      pack: Pack;
      /** Warnings only (an ok result has no errors). */
      problems: PackProblem[];
      /** The file's own schemaVersion when it was upgraded on reading. */
      upgradedFrom?: number;
    }
  | { ok: false; problems: PackProblem[] };

const refuse = (path: string, message: string): ParsePackResult => ({
  ok: false,
  problems: [{ severity: 'error', path, message }],
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Zod's issues rephrased for content editors, each with its full path. */
export function describeZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[] = [],
): PackProblem[] {
  const out: PackProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const input = (issue as { input?: unknown }).input;
    let message = issue.message;
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const message =
            path[path.length - 1] === 'texts'
              ? `unknown language ${JSON.stringify(key)}; use one of ${POST_LANGUAGES.join(', ')}`
              : 'unknown field; check the spelling';
          out.push({ severity: 'error', path: formatPath([...path, key]), message });
        }
        continue;
      case 'invalid_type':
        message =
          input === undefined
            ? 'missing; this field is required'
            : `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, found ${describeType(input)}`;
        break;
      case 'too_small':
        if (issue.origin === 'string' && issue.minimum === 1) message = 'must not be empty';
        else if (issue.origin === 'array')
          message = `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
        else message = `must be at least ${String(issue.minimum)}`;
        break;
      case 'too_big':
        if (issue.origin === 'string')
          message = `too long: at most ${String(issue.maximum)} characters`;
        else if (issue.origin === 'array')
          message = `too many entries: at most ${String(issue.maximum)}`;
        else message = `must be at most ${String(issue.maximum)}`;
        break;
      case 'invalid_value':
        if (input === undefined) message = 'missing; this field is required';
        else if (issue.values.length === 1) message = `must be ${JSON.stringify(issue.values[0])}`;
        break;
      case 'invalid_key':
        // A record key that is not a language code: report the inner message.
        message = issue.issues[0]?.message ?? message;
        break;
      default:
        break;
    }
    out.push({ severity: 'error', path: formatPath(path), message });
  }
  return out;
}

function decodeText(
  text: string,
  options: ParsePackOptions,
): { value: unknown } | { problems: PackProblem[] } {
  const tooBig = checkSize(text, options.maxBytes ?? DEFAULT_MAX_PACK_BYTES);
  if (tooBig) return { problems: [{ severity: 'error', path: 'file', message: tooBig.message }] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    return { problems: [{ severity: 'error', path: 'file', message: 'the file is empty' }] };
  const tooDeep = checkDepth(body, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  if (tooDeep?.position) {
    const { line, column } = tooDeep.position;
    return {
      problems: [
        { severity: 'error', path: `line ${line}, column ${column}`, message: tooDeep.message },
      ],
    };
  }
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    const syntax = locateSyntaxError(body);
    const where = syntax?.position
      ? `line ${syntax.position.line}, column ${syntax.position.column}`
      : 'file';
    return {
      problems: [
        {
          severity: 'error',
          path: where,
          message: `not valid JSON: ${syntax?.message ?? 'cannot be read'}`,
        },
      ],
    };
  }
}

/** Runs the upgrade chain from `version` to the current version. */
export function upgradePack(
  raw: Record<string, unknown>,
  version: number,
  upgrades: readonly PackUpgrade[] = PACK_UPGRADES,
  target: number = PACK_SCHEMA_VERSION,
): Record<string, unknown> {
  let pack = raw;
  for (let from = version; from < target; from += 1) {
    const step = upgrades.find((u) => u.from === from);
    if (!step) throw new Error(`no upgrade from pack format ${from}`);
    pack = { ...step.upgrade(pack), schemaVersion: from + 1 };
  }
  return pack;
}

/**
 * Parses and validates a pack. Never throws for bad input: every problem
 * comes back with its location. `input` is the file's text or a value that
 * was already parsed from JSON.
 */
export function parsePack(
  input: string | unknown,
  options: ParsePackOptions = {},
): ParsePackResult {
  let value: unknown;
  if (typeof input === 'string') {
    const decoded = decodeText(input, options);
    if ('problems' in decoded) return { ok: false, problems: decoded.problems };
    value = decoded.value;
  } else {
    // Say what is wrong: a wide pack is not a deep one (finding 17).
    if (isRecord(input) && Array.isArray(input.answers) && input.answers.length > MAX_ANSWERS)
      return refuse(
        'answers',
        `${input.answers.length} answers; at most ${MAX_ANSWERS} fit in one pack`,
      );
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const shape = valueShapeProblem(input, maxDepth);
    if (shape === 'too-deep') return refuse('pack', `nested more than ${maxDepth} levels deep`);
    if (shape === 'cycle') return refuse('pack', 'refers to itself (a cycle); it cannot be JSON');
    if (shape === 'too-many-values')
      return refuse(
        'pack',
        `holds more than ${MAX_VALUE_NODES.toLocaleString('en')} values; a pack never needs that many`,
      );
    value = input;
  }

  if (!isRecord(value))
    return refuse(
      'pack',
      `expected an object with the pack's fields, found ${describeType(value)}`,
    );
  const version = value.schemaVersion;
  if (version === undefined)
    return refuse('schemaVersion', 'missing; is this an Outreach Advisor answer pack?');
  if (typeof version === 'string' && /^\d+$/.test(version.trim()))
    return refuse(
      'schemaVersion',
      `is the text ${JSON.stringify(version)}; write it as a number without quotes: "schemaVersion": ${String(Number(version))}`,
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      'schemaVersion',
      `expected a whole number from 1, found ${describeType(version)}`,
    );
  }
  if (version > PACK_SCHEMA_VERSION) {
    return refuse(
      'schemaVersion',
      `${version} is newer than this version of Outreach Advisor understands (${PACK_SCHEMA_VERSION}); update the extension or CLI`,
    );
  }
  const raw = version < PACK_SCHEMA_VERSION ? upgradePack(value, version) : value;
  return checkStructure(raw, options, version < PACK_SCHEMA_VERSION ? version : undefined);
}

const headerSchema = packSchema.omit({ answers: true });

/**
 * Own `__proto__` keys below the top level (JSON.parse creates them as plain
 * fields). Zod's records skip them silently, so `texts.__proto__` used to
 * vanish without a word (finding 17); the top level is reported by the
 * strict schema already.
 */
function findProtoKeys(raw: Record<string, unknown>): PackProblem[] {
  const problems: PackProblem[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = Object.entries(raw).map(
    ([key, value]) => ({ value, path: [key] }),
  );
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.value === null || typeof item.value !== 'object') continue;
    if (Object.hasOwn(item.value, '__proto__'))
      problems.push({
        severity: 'error',
        path: formatPath([...item.path, '__proto__']),
        message: '"__proto__" is not allowed as a field name; remove it',
      });
    for (const [key, child] of Object.entries(item.value))
      if (child !== null && typeof child === 'object')
        stack.push({
          value: child,
          path: [...item.path, Array.isArray(item.value) ? Number(key) : key],
        });
  }
  return problems;
}

function checkStructure(
  raw: Record<string, unknown>,
  options: ParsePackOptions,
  upgradedFrom: number | undefined,
): ParsePackResult {
  const problems: PackProblem[] = findProtoKeys(raw);
  const { answers: rawAnswers, ...rawHeader } = raw;

  const header = headerSchema.safeParse(rawHeader, { reportInput: true });
  if (header.success) problems.push(...validatePackHeader(header.data, options));
  else problems.push(...describeZodIssues(header.error.issues));

  const answers: Answer[] = [];
  let answersReadable = false;
  if (rawAnswers === undefined)
    problems.push({
      severity: 'error',
      path: 'answers',
      message: 'missing; a pack needs a list of answers',
    });
  else if (!Array.isArray(rawAnswers))
    problems.push({
      severity: 'error',
      path: 'answers',
      message: `expected a list, found ${describeType(rawAnswers)}`,
    });
  else if (rawAnswers.length > MAX_ANSWERS)
    problems.push({
      severity: 'error',
      path: 'answers',
      message: `${rawAnswers.length} answers; at most ${MAX_ANSWERS} fit in one pack`,
    });
  else {
    answersReadable = true;
    problems.push(
      ...validateAnswerIds(
        rawAnswers.map((a) => (isRecord(a) && typeof a.id === 'string' ? a.id : undefined)),
      ),
    );
    rawAnswers.forEach((rawAnswer, index) => {
      const parsed = answerSchema.safeParse(rawAnswer, { reportInput: true });
      if (!parsed.success) {
        answersReadable = false;
        problems.push(...describeZodIssues(parsed.error.issues, ['answers', index]));
        problems.push(...findMarkupInRawAnswer(rawAnswer, index));
        return;
      }
      answers.push(parsed.data);
      if (header.success)
        problems.push(...validateAnswer(parsed.data, index, header.data, options));
    });
  }

  if (header.success && answersReadable && !hasErrors(problems)) {
    // Links are stored as the URL parser writes them, so what is shown, signed and
    // inserted is one form (`HTTPS://X.example` becomes `https://x.example/`).
    const { referrals } = header.data;
    const pack: Pack = {
      ...header.data,
      answers: answers.map((answer) => ({
        ...answer,
        links: answer.links.map((link) => ({ ...link, url: normaliseLink(link.url) })),
      })),
      ...(referrals && {
        referrals: referrals.map((target) => ({
          ...target,
          url: normaliseLink(target.url),
          ...(target.source !== undefined && { source: normaliseLink(target.source) }),
        })),
      }),
    };
    problems.push(...validateExampleContentFlag(pack));
    return upgradedFrom === undefined
      ? { ok: true, pack, problems }
      : { ok: true, pack, problems, upgradedFrom };
  }
  return { ok: false, problems };
}
