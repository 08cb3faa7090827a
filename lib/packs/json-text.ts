/**
 * Guards run on pack text BEFORE `JSON.parse`: a size limit and a nesting
 * limit, so a hostile or broken file cannot make the parser (or a later
 * recursive walk) use unbounded memory or stack. When `JSON.parse` fails, a
 * small scanner finds the first syntax error and reports it by line and
 * column, in the same words in every browser (engines word and place their
 * own errors differently).
 */

import { LIMITS } from '../domain/limits';

export const DEFAULT_MAX_PACK_BYTES = LIMITS.packBytes;
export const DEFAULT_MAX_DEPTH = 32;

/**
 * Decodes UTF-8 bytes, refusing invalid sequences instead of replacing them
 * with U+FFFD (security review finding 17): a pack whose text was silently
 * changed is not the pack its publisher wrote or signed. On failure, `offset`
 * is the first byte that is not valid UTF-8.
 */
export function decodeUtf8Strict(bytes: Uint8Array): { text: string } | { offset: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find the first bad byte for the message: the longest valid prefix.
    let low = 0;
    let high = bytes.length;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      try {
        decoder.decode(bytes.subarray(0, mid), { stream: true });
        low = mid;
      } catch {
        high = mid - 1;
      }
    }
    return { offset: low };
  }
}

export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonTextProblem {
  position?: TextPosition;
  message: string;
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2).replace(/\.?0+$/, '')} MB`;
}

/** UTF-8 size without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function checkSize(text: string, maxBytes: number): JsonTextProblem | undefined {
  // Every UTF-16 unit is at least one UTF-8 byte, so a long string is over the
  // limit without counting.
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text);
  if (bytes <= maxBytes) return undefined;
  return {
    message: `the file has ${bytes} bytes (${formatMegabytes(bytes)}), over the limit of ${maxBytes} bytes (${formatMegabytes(maxBytes)})`,
  };
}

/**
 * Scans brackets outside strings. Stops at the first place deeper than
 * `maxDepth`; syntax errors are left for the parser.
 */
export function checkDepth(text: string, maxDepth: number): JsonTextProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > maxDepth) {
        return {
          position: positionAt(text, i),
          message: `nested more than ${maxDepth} levels deep; a pack never needs that many`,
        };
      }
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Most values an already parsed pack may contain (a 5 MB file holds far fewer). */
export const MAX_VALUE_NODES = 1_000_000;

/** What is wrong with the shape of an already parsed value, if anything. */
export type ValueShapeProblem = 'too-deep' | 'too-many-values' | 'cycle';

/**
 * Whether an already parsed value is nested deeper than `maxDepth`, contains
 * a cycle, or has more than `MAX_VALUE_NODES` values (shared references are
 * counted each time they are reached), and which. Walked without recursion.
 */
export function valueShapeProblem(value: unknown, maxDepth: number): ValueShapeProblem | null {
  type Frame = { value: unknown; depth: number; exit: boolean };
  const stack: Frame[] = [{ value, depth: 0, exit: false }];
  const ancestors = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame || frame.value === null || typeof frame.value !== 'object') continue;
    const node = frame.value;
    if (frame.exit) {
      ancestors.delete(node);
      continue;
    }
    nodes += 1;
    const depth = frame.depth + 1;
    if (ancestors.has(node)) return 'cycle';
    if (depth > maxDepth) return 'too-deep';
    if (nodes > MAX_VALUE_NODES) return 'too-many-values';
    ancestors.add(node);
    stack.push({ value: node, depth, exit: true });
    for (const child of Object.values(node)) stack.push({ value: child, depth, exit: false });
  }
  return null;
}

/** Whether `valueShapeProblem` finds anything (kept for callers that only need yes or no). */
export function valueDepthExceeds(value: unknown, maxDepth: number): boolean {
  return valueShapeProblem(value, maxDepth) !== null;
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'the file ends too early (is it cut off?)';
  const c = text[offset] ?? '';
  if (c === '\n' || c === '\r') return 'unexpected line break';
  return `unexpected '${c}'`;
}

/**
 * Finds the first JSON syntax error. Depth is already bounded by
 * `checkDepth`, so plain recursion is safe here.
 */
export function locateSyntaxError(text: string): JsonTextProblem | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxProblem(i, `${describeChar(text, i)}; expected ${expected}`);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i += 1;
    }
  };
  const string = () => {
    i += 1; // opening quote
    for (;;) {
      if (i >= text.length) fail('a closing quote (")');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i += 1;
        return;
      }
      if (c < 0x20) fail('a closing quote (") before the line break; write \\n inside strings');
      if (c === 92) {
        i += 1;
        const e = text[i] ?? '';
        if (e === 'u') {
          for (let k = 1; k <= 4; k += 1) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('four hex digits after \\u');
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 1;
        else fail('a valid escape after \\ (\\", \\\\, \\n, \\t, \\uXXXX)');
      } else i += 1;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail('a value');
    i += match?.[0].length ?? 0;
  };
  const value = () => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i += 1;
      skipSpace();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('a field name in double quotes');
        string();
        skipSpace();
        if (text[i] !== ':') fail('":" after the field name');
        i += 1;
        value();
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail('"," or "}"');
      }
    } else if (c === '[') {
      i += 1;
      skipSpace();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail('a value');
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    skipSpace();
    if (i < text.length) fail('the end of the file after the closing bracket');
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { position: positionAt(text, error.offset), message: error.message };
  }
}
