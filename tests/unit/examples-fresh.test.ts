import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../../lib/cli/run-in-memory';
import { readLogExport } from '../../lib/log/envelope';
import type { FunderReport } from '../../lib/log/funder-report';
import { parsePublicKeyFile } from '../../lib/packs/signing';
import {
  EXAMPLE_QUARTER,
  QUARTER_EXAMPLES,
  withoutSignatureValue,
} from '../fixtures/example-quarter';

const root = join(import.meta.dirname, '..', '..');
const paths = QUARTER_EXAMPLES.map((example) => example.path);

describe('sample exports in examples/', () => {
  it.each(QUARTER_EXAMPLES.map((example) => [example.path, example] as const))(
    '%s matches its source and its example key (run `npx tsx scripts/generate-examples.ts`)',
    async (path, example) => {
      const committed = await readFile(join(root, path), 'utf8');
      expect(withoutSignatureValue(committed)).toBe(withoutSignatureValue(await example.render()));
      const keyText = await readFile(join(root, example.keyPath), 'utf8');
      expect(keyText).toBe(await example.renderKey());
      const key = await parsePublicKeyFile(JSON.parse(keyText));
      const { envelope, verification } = await readLogExport(committed, [key]);
      expect(verification.status).toBe('verified');
      expect(envelope.advisor).toBe(example.advisor);
      expect(envelope.includes).toEqual({
        postText: false,
        notes: false,
        authorHash: false,
        rawIds: false,
      });
      expect(committed).not.toMatch(/"postKey":"fb/);
      expect(envelope.groups?.length).toBeGreaterThan(0);
      for (const group of envelope.groups ?? []) {
        expect(group.groupId).toMatch(/^h:/);
        expect(group.notes).toBe('');
      }
    },
  );

  it('give a report with every advisor’s events, as the README shows', async () => {
    const run = await runCliInMemory(['logs', 'report', ...paths], { cwd: root });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# /m);
    expect(run.out).toMatch(/signed by an unknown key/);
  });

  it('verify with their example keys', async () => {
    const run = await runCliInMemory(
      [
        'logs',
        'verify',
        ...paths,
        ...QUARTER_EXAMPLES.flatMap((example) => ['--trusted', example.keyPath]),
      ],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n');
    expect(lines).toHaveLength(QUARTER_EXAMPLES.length);
    expect(lines.every((line) => line.startsWith('OK '))).toBe(true);
  });
});

interface RawEvent {
  type: string;
  at: number;
  postKey: string;
  groupName: string | null;
  language: string | null;
  isQuestion: boolean | null;
  outcome?: string;
  escalation?: string | null;
  claimId?: string;
  commentKey?: string;
}
interface RawGroup {
  name: string | null;
  memberCount: number | null;
  memberCountAt: number | null;
}

/**
 * The figures the sample files imply, counted here straight from their JSON
 * (not through the merge or the report code): in these samples every event
 * of a post carries the same question flag and language, and post keys are
 * pseudonymised per advisor, so a post is (file, post key).
 */
async function expectedFigures() {
  const posts = new Map<
    string,
    {
      first: number;
      question: boolean;
      language: string;
      replied: boolean;
      outcome: string;
      outcomeAt: number;
    }
  >();
  const corrected = new Set<string>();
  const names = new Set<string>();
  const counts = new Map<string, { count: number; at: number }>();
  for (const path of paths) {
    const file = JSON.parse(await readFile(join(root, path), 'utf8')) as {
      events: RawEvent[];
      groups: RawGroup[];
    };
    for (const event of file.events) {
      if (event.at < EXAMPLE_QUARTER.from || event.at > EXAMPLE_QUARTER.to) continue;
      if (event.groupName) names.add(event.groupName);
      const key = `${path}|${event.postKey}`;
      const post = posts.get(key) ?? {
        first: event.at,
        question: event.isQuestion === true,
        language: event.language ?? 'und',
        replied: false,
        outcome: '',
        outcomeAt: -1,
      };
      post.first = Math.min(post.first, event.at);
      if (event.type === 'reply-inserted' || event.type === 'reply-copied') post.replied = true;
      if (event.type === 'note-added' && event.at >= post.outcomeAt) {
        post.outcome = event.outcome ?? '';
        post.outcomeAt = event.at;
      }
      if (event.type === 'claim-corrected') {
        corrected.add(`${path}|${event.postKey}|${event.claimId ?? ''}|${event.commentKey ?? ''}`);
      }
      posts.set(key, post);
    }
    for (const group of file.groups) {
      if (group.name === null || group.memberCount === null || group.memberCountAt === null)
        continue;
      if (group.memberCountAt > EXAMPLE_QUARTER.to) continue;
      const known = counts.get(group.name);
      if (!known || group.memberCountAt > known.at) {
        counts.set(group.name, { count: group.memberCount, at: group.memberCountAt });
      }
    }
  }
  const all = [...posts.values()];
  const questions = all.filter((post) => post.question);
  const byLanguage = new Map<string, number>();
  for (const post of questions)
    byLanguage.set(post.language, (byLanguage.get(post.language) ?? 0) + 1);
  return {
    spaces: names.size,
    membersReached: [...names].reduce((sum, name) => sum + (counts.get(name)?.count ?? 0), 0),
    withoutCount: [...names].filter((name) => !counts.has(name)).sort(),
    questions: questions.length,
    answered: questions.filter((post) => post.replied).length,
    referrals: all.filter((post) => post.outcome === 'referred').length,
    escalations: all.filter((post) => post.outcome === 'escalated').length,
    myths: corrected.size,
    byLanguage,
  };
}

async function jsonReport(...extra: string[]): Promise<FunderReport> {
  const run = await runCliInMemory(
    ['logs', 'report', ...paths, '--format', 'json', '--period', EXAMPLE_QUARTER.label, ...extra],
    { cwd: root },
  );
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as FunderReport;
}

describe('the funder report on the sample exports', () => {
  it('gives the figures the events imply (shared groups counted once)', async () => {
    const expected = await expectedFigures();
    const report = await jsonReport('--min-count', '1');
    expect(report.period).toEqual({ from: '2026-07-01', to: '2026-09-30', label: '2026-Q3' });
    expect(report.suppressed).toEqual([]);
    expect(report.spaces).toBe(expected.spaces);
    expect(report.spaces).toBe(7);
    expect(report.membersReached).toBe(expected.membersReached);
    expect([...report.spacesWithoutMemberCount].sort()).toEqual(expected.withoutCount);
    expect(report.questions).toBe(expected.questions);
    expect(report.answered).toBe(expected.answered);
    expect(report.referrals.total).toBe(expected.referrals);
    expect(report.escalations.total).toBe(expected.escalations);
    expect(report.mythsCorrected.total).toBe(expected.myths);
    expect(new Map(report.byLanguage.map((row) => [row.key, row.questions]))).toEqual(
      expected.byLanguage,
    );
  });

  it('with the default threshold, hides small cells and keeps every other figure', async () => {
    const expected = await expectedFigures();
    const report = await jsonReport();
    expect(report.minCount).toBe(5);
    expect(report.suppressed.length).toBeGreaterThan(0);
    expect(report.questions).toBe(expected.questions);
    for (const row of report.byLanguage) {
      const truth = expected.byLanguage.get(row.key) ?? 0;
      if (row.questions === null) {
        expect(report.suppressed).toContainEqual({
          table: 'byLanguage',
          row: row.key,
          column: 'questions',
        });
      } else expect(row.questions).toBe(truth);
    }
    const hiddenEscalations = report.escalations.byKind.filter((row) => row.count === null);
    expect(hiddenEscalations.length === 0 || hiddenEscalations.length >= 2).toBe(true);
  });
});
