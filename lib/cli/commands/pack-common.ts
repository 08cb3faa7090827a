/**
 * Helpers shared by the `pack …` commands: reading a pack file with the size
 * limit applied before the whole file is read, and printing problems in the
 * CLI contract's format (one line per problem, location first).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decodeUtf8Strict, DEFAULT_MAX_PACK_BYTES, formatMegabytes } from '../../packs/json-text';
import { parsePack, type ParsePackResult } from '../../packs/parse';
import { formatProblem, type PackProblem } from '../../packs/problems';
import type { CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';

/**
 * The bytes of a file, refused with a located message when it is missing, not
 * a file, or over `maxBytes` — checked before anything is read.
 */
export async function readFileWithinLimit(
  io: CliIo,
  file: string,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliUserError(`${file}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliUserError) throw error;
    throw new CliUserError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (size > maxBytes) {
    throw new CliUserError(
      `file: ${file} is ${formatMegabytes(size)}, over the limit of ${formatMegabytes(maxBytes)}`,
    );
  }
  return new Uint8Array(await readFile(path));
}

export async function readTextFile(
  io: CliIo,
  file: string,
  maxBytes = DEFAULT_MAX_PACK_BYTES,
): Promise<string> {
  const decoded = decodeUtf8Strict(await readFileWithinLimit(io, file, maxBytes));
  if ('offset' in decoded)
    throw new CliUserError(
      `file: ${file} is not valid UTF-8 text (at byte ${String(decoded.offset)}); save it as UTF-8`,
    );
  return decoded.text;
}

export function parseTodayFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new CliUsageError(`--today expects YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

export async function readPackFile(
  io: CliIo,
  file: string,
  today?: string,
): Promise<ParsePackResult> {
  const text = await readTextFile(io, file);
  return parsePack(text, today === undefined ? {} : { today });
}

export function writeProblems(
  stream: Writable,
  problems: readonly PackProblem[],
  { warnings = true } = {},
): void {
  // Errors first: they are what stops the pack.
  for (const problem of problems)
    if (problem.severity === 'error') stream.write(`${formatProblem(problem)}\n`);
  if (warnings)
    for (const problem of problems)
      if (problem.severity === 'warning') stream.write(`${formatProblem(problem)}\n`);
}

export function countBySeverity(problems: readonly PackProblem[]): {
  errors: number;
  warnings: number;
} {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `parseArgs` with unknown or malformed flags reported as usage errors (exit 2), not stack traces. */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}
