/**
 * Helpers for the stdin/stdout style of the CLI contract (docs/PRODUCT.md#cli): JSON
 * lines in, JSON lines out, errors that name the line they came from.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import * as z from 'zod';
import { CliUserError } from './types';

export const postLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});
export type PostLine = z.infer<typeof postLineSchema>;

/**
 * Reads JSON lines and validates each against `schema`. Blank lines are
 * skipped. A bad line stops the run with a message naming its number, so a
 * script never gets output that silently skipped an input.
 */
export async function* readJsonLines<T>(input: Readable, schema: z.ZodType<T>): AsyncGenerator<T> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliUserError(`stdin line ${lineNumber}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      throw new CliUserError(
        `stdin line ${lineNumber}${where}: ${issue?.message ?? 'invalid input'}`,
      );
    }
    yield parsed.data;
  }
}

export function writeJsonLine(output: Writable, value: unknown): void {
  output.write(`${JSON.stringify(value)}\n`);
}
