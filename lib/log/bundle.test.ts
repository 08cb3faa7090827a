import { describe, expect, it } from 'vitest';
import type { LogBundle } from './bundle';
import { MAX_BUNDLE_EXPORTS, readLogBundle, serialiseLogBundle } from './bundle';
import { LogExportError } from './envelope';

const bundle: LogBundle = {
  format: 'outreach-advisor-log-bundle',
  schemaVersion: 1,
  pulledAt: '2026-09-01T10:00:00.000Z',
  database: 'https://couch.example.org/team',
  exports: [
    { id: `anna:batch:${'a'.repeat(64)}`, user: 'anna', text: '\uFEFF{"x":"Żółć"}\r\n' },
    { id: `ben:batch:${'b'.repeat(64)}`, user: 'ben', text: '{}' },
  ],
};

function codeOf(text: string): string {
  try {
    readLogBundle(text);
  } catch (error) {
    if (error instanceof LogExportError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'read';
}

describe('log bundle', () => {
  it('keeps every export text exactly, through writing and reading', () => {
    const text = serialiseLogBundle(bundle);
    expect(text.startsWith('{"format":"outreach-advisor-log-bundle"')).toBe(true);
    expect(readLogBundle(text)).toEqual(bundle);
  });

  it.each([
    ['not JSON', 'nope', /^not-json/],
    ['an export', '{"format":"outreach-advisor-log","schemaVersion":2}', /^not-an-export/],
    [
      'a later version',
      JSON.stringify({ ...bundle, schemaVersion: 2 }),
      /^unsupported-version: .*version 2/,
    ],
    [
      'an export without text',
      JSON.stringify({ ...bundle, exports: [{ id: 'x', user: 'anna' }] }),
      /^invalid: The bundle is invalid at exports\[0\]\.text/,
    ],
    [
      'the same id twice',
      JSON.stringify({ ...bundle, exports: [bundle.exports[0], bundle.exports[0]] }),
      /^invalid: The bundle holds anna:batch:a+ twice/,
    ],
    [
      'too many exports',
      JSON.stringify({ ...bundle, exports: new Array(MAX_BUNDLE_EXPORTS + 1).fill(0) }),
      /^too-large/,
    ],
  ])('refuses %s', (_label, text, expected) => {
    expect(codeOf(text)).toMatch(expected);
  });
});
