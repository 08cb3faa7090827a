import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../run-in-memory';
import { COMMANDS } from './index';
import { DEFAULT_PACK_FILE } from './suggest';

const run = (args: string[], input = '') => runCliInMemory(args, { input, commands: COMMANDS });

const lines = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('cli suggest', () => {
  it('writes {id, language, suggestions[{answerId, topic, level, score}]} per input line, in order', async () => {
    const input = [
      '{"id":1,"text":"dostalem Kündigung wczoraj, ile mam czasu na odwolanie?"}',
      '',
      '{"id":"b","text":"Sprzedam kanape, tanio, odbior Monachium"}',
    ].join('\n');
    const { code, out, err } = await run(['suggest'], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    const [first, second] = lines(out);
    expect(Object.keys(first ?? {})).toEqual(['id', 'language', 'suggestions']);
    expect(first).toMatchObject({ id: 1, language: 'pl' });
    const suggestions = first?.suggestions as { answerId: string; topic: string; score: number }[];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions.map((s) => s.topic)).toContain('dismissal');
    for (const s of suggestions) {
      expect(Object.keys(s)).toEqual(['answerId', 'topic', 'level', 'score']);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect([...suggestions].sort((a, b) => b.score - a.score)).toEqual(suggestions);
    expect(second).toEqual({ id: 'b', language: 'pl', suggestions: [] });
  });

  it('limits the suggestions with --top', async () => {
    const { code, out } = await run(
      ['suggest', '--top', '1'],
      '{"id":1,"text":"szef nie zaplacil mi wyplaty za 2 miesiace, co robic?"}\n',
    );
    expect(code).toBe(0);
    expect((lines(out)[0]?.suggestions as unknown[]).length).toBe(1);
  });

  it('shows the evidence per answer and the topic ranking with --explain', async () => {
    const { code, out } = await run(
      ['suggest', '--explain'],
      '{"id":1,"text":"szef nie zaplacil mi wyplaty za 2 miesiace co robic"}',
    );
    expect(code).toBe(0);
    const [line] = lines(out);
    expect(line).toMatchObject({ id: 1, topic: 'unpaid-wages', possibleTopics: [] });
    const topics = line?.topicEvidence as {
      topic: string;
      score: number;
      probability: number;
      classifier: number;
    }[];
    expect(topics[0]?.topic).toBe('unpaid-wages');
    // The CLI matches with the shipped classifier, as the extension does.
    expect(topics[0]?.classifier).toBeGreaterThan(0.5);
    expect(line?.offTopicProbability).toBeLessThan(0.1);
    expect([...topics].sort((a, b) => b.score - a.score)).toEqual(topics);
    const [first] = line?.suggestions as {
      level: string;
      matchedTerms: string[];
      evidence: {
        relevance: number;
        specific: boolean;
        tied: boolean;
        topicProbability: number;
        classifierTopic: number;
      };
    }[];
    expect(first?.level).toBe('likely');
    expect(first?.matchedTerms).toContain('wyplaty');
    expect(first?.evidence).toMatchObject({ specific: true, tied: false });
    expect(first?.evidence.relevance).toBeGreaterThan(0.5);
    expect(first?.evidence.classifierTopic).toBe(topics[0]?.classifier);
  });

  it('adds topic, isQuestion and explanations with --details', async () => {
    const { code, out } = await run(
      ['suggest', '--details'],
      '{"id":1,"text":"am fost concediat fara preaviz, ce pot face?"}\n',
    );
    expect(code).toBe(0);
    const [line] = lines(out);
    expect(line).toMatchObject({ id: 1, language: 'ro', isQuestion: true });
    expect(typeof line?.topic).toBe('string');
    const [best] = line?.suggestions as { matchedTerms: string[]; fallback: boolean }[];
    expect(best?.matchedTerms.length).toBeGreaterThan(0);
    expect(best?.fallback).toBe(false);
  });

  it('matches against the pack given with --pack', async () => {
    const pack = JSON.parse(readFileSync(DEFAULT_PACK_FILE, 'utf8')) as {
      answers: { topic: string }[];
    };
    pack.answers = pack.answers.filter((answer) => answer.topic !== 'dismissal');
    const file = join(mkdtempSync(join(tmpdir(), 'oa-suggest-')), 'pack.json');
    writeFileSync(file, JSON.stringify(pack));
    const { code, out } = await run(
      ['suggest', '--pack', file],
      '{"id":1,"text":"dostalem Kündigung wczoraj, ile mam czasu na odwolanie?"}\n',
    );
    expect(code).toBe(0);
    const topics = (lines(out)[0]?.suggestions as { topic: string }[]).map((s) => s.topic);
    expect(topics).not.toContain('dismissal');
  });

  it.each([
    [['suggest', '--top', '0'], '', 2, '--top expects a whole number'],
    [
      ['suggest', 'posts.jsonl'],
      '',
      2,
      'Unexpected argument "posts.jsonl": posts are read from stdin',
    ],
    [['suggest'], '{"id":1,"text":"ok"}\nnot json\n', 1, 'stdin line 2: not valid JSON'],
    [['suggest'], '{"id":1}\n', 1, 'stdin line 1.text:'],
    [['suggest', '--pack', 'missing-pack.json'], '', 1, 'missing-pack.json'],
  ])('%j with input %j exits %i and says %j', async (args, input, exitCode, message) => {
    const { code, err } = await run(args, input);
    expect(code).toBe(exitCode);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('cli pack test', () => {
  it('reports per-language top-1/top-3 and a confusion table, exit 0 without thresholds', async () => {
    const { code, out, err } = await run(['pack', 'test', DEFAULT_PACK_FILE]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/example questions, each left out of the index/);
    expect(out).toMatch(/^pl\s+\d+\s+\d+\.\d%\s+\d+\.\d%$/m);
    expect(out).toMatch(/^overall\s+\d+/m);
    expect(out).toMatch(/<- |No answer takes/);
  }, 60_000);

  it('fails with exit 1 and names the language below --min-top1', async () => {
    const { code, err } = await run([
      'pack',
      'test',
      DEFAULT_PACK_FILE,
      '--min-top1',
      '1',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/^overall: top-1 \d+\.\d% is below 100%$/m);
  }, 60_000);

  it('writes the report as JSON with --format json', async () => {
    const { code, out } = await run([
      'pack',
      'test',
      DEFAULT_PACK_FILE,
      '--min-top3',
      '0.5',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      overall: { total: number; top1: number; top3: number };
      perLanguage: Record<string, { total: number }>;
      thresholds: { minTop3: number };
      failures: string[];
    };
    expect(report.overall.total).toBeGreaterThan(1000);
    expect(report.overall.top3).toBeGreaterThanOrEqual(report.overall.top1);
    expect(Object.keys(report.perLanguage)).toHaveLength(13);
    expect(report.thresholds.minTop3).toBe(0.5);
    expect(report.failures).toEqual([]);
  }, 60_000);

  it.each([
    [['pack', 'test'], 'Give exactly one pack file'],
    [['pack', 'test', DEFAULT_PACK_FILE, '--min-top1', '80'], '--min-top1 expects a share'],
    [['pack', 'test', DEFAULT_PACK_FILE, '--format', 'xml'], '--format is text or json'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
