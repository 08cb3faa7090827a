import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../run-in-memory';
import { COMMANDS } from './index';

const run = (args: string[], input: string) => runCliInMemory(args, { input, commands: COMMANDS });

describe('cli detect', () => {
  it('writes one {id, language, confidence} line per input line, in order', async () => {
    const input = [
      '{"id":1,"text":"mam Kündigung od szefa"}',
      '',
      '{"id":"b","text":"kalispera, exo ena provlima me ton ergodoti"}',
      '{"id":3,"text":"😀 https://example.com"}',
    ].join('\n');
    const { code, out, err } = await run(['detect'], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.language])).toEqual([
      [1, 'pl'],
      ['b', 'el'],
      [3, 'und'],
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'language', 'confidence']);
    expect(lines[2]?.confidence).toBe(0);
  });

  it('adds runnerUp and latinTyped with --details', async () => {
    const { code, out } = await run(
      ['detect', '--details'],
      '{"id":1,"text":"zdraveite, imam vapros za zaplatata"}\n',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 1, language: 'bg', latinTyped: true });
  });

  it.each([
    ['{"id":1,"text":"ok"}\nnot json\n', 'stdin line 2: not valid JSON'],
    ['{"id":1}\n', 'stdin line 1.text:'],
  ])('rejects bad input %j with exit 1 and the line number', async (input, message) => {
    const { code, err } = await run(['detect'], input);
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown flags with exit 2 and the usage', async () => {
    const { code, err } = await run(['detect', '--bogus'], '');
    expect(code).toBe(2);
    expect(err).toContain('Usage: npm run --silent cli -- detect');
  });

  it('refuses a text given as an argument and says posts come on stdin', async () => {
    const { code, out, err } = await run(['detect', 'mam Kündigung od szefa'], '');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(
      'Unexpected argument "mam Kündigung od szefa": posts are read from stdin',
    );
  });
});
