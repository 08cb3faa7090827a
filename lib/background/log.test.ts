import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDatabase, TEAM_CONNECTION_ID } from '../db/database';
import { createTeamSecret } from '../team/team-key';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { deleteAllLogData } from '../log/retention';
import { hashAuthor, resetAuthorHashCache } from '../privacy/author-hash';
import { updateSettings } from '../settings/settings';
import { handlers } from './handlers';
import {
  loadCaseNote,
  logErrorItem,
  logEventBatch,
  resetLogCaches,
  runRetentionPurge,
} from './log';

beforeEach(async () => {
  resetAuthorHashCache();
  resetLogCaches();
  await deleteAllLogData(getDatabase());
});

describe('logEventBatch', () => {
  it('notes the team pseudonym of a fallback key while connected to a team', async () => {
    const db = getDatabase();
    await db.secrets.put({
      id: TEAM_CONNECTION_ID,
      value: {
        url: 'https://couch.example.org/team',
        user: 'anna',
        password: 'pw',
        roles: ['advisor'],
        secret: createTeamSecret(),
        connectedAt: 1,
      },
    });
    const event = sampleEvent('post-seen', { postKey: 'fbh:0badc0de' });
    await logEventBatch([event]);
    const stored = await db.events.get(event.id);
    expect(stored?.postKey).toMatch(/^fbk:/);
    const note = await db.teamPostKeys.get(stored?.postKey ?? '');
    expect(note?.team).toMatch(/^h:[0-9a-f]{32}$/);
    await db.secrets.delete(TEAM_CONNECTION_ID);
    await db.teamPostKeys.clear();
    await logEventBatch([sampleEvent('post-seen', { postKey: 'fbh:0badc0df' })]);
    expect(await db.teamPostKeys.count()).toBe(0);
  });

  it('stores under the pseudonym, hashes author names and never keeps them', async () => {
    await updateSettings({ advisorPseudonym: 'Nord 2', storePostText: false });
    const event = {
      ...sampleEvent('post-seen', { authorHash: null, postText: 'Hilfe' }),
      authorName: 'Marek Zielinski',
    };
    const result = await logEventBatch([event]);
    expect(result.added).toBe(1);
    const stored = await getDatabase().events.get(event.id);
    expect(stored).toMatchObject({
      advisor: 'Nord 2',
      authorHash: await hashAuthor('marek  zielinski'),
    });
    expect(JSON.stringify(stored)).not.toMatch(/Marek|Hilfe/);
    expect(JSON.stringify(await getDatabase().posts.toArray())).not.toMatch(/Marek|Hilfe/);
  });

  it('follows a pseudonym change between batches', async () => {
    await updateSettings({ advisorPseudonym: 'Before' });
    const first = sampleEvent('handled');
    await logEventBatch([first]);
    await updateSettings({ advisorPseudonym: 'After' });
    await vi.waitFor(async () => {
      // A fresh event each try: a retried id would keep its first advisor, by design.
      const second = sampleEvent('handled');
      await logEventBatch([second]);
      expect((await getDatabase().events.get(second.id))?.advisor).toBe('After');
    });
    expect((await getDatabase().events.get(first.id))?.advisor).toBe('Before');
  });

  it('reports a full disk to the sender and keeps it for the dashboard', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(getDatabase().events, 'bulkAdd').mockRejectedValueOnce(quota);
    await expect(logEventBatch([sampleEvent('handled')])).rejects.toMatchObject({ code: 'quota' });
    expect(await logErrorItem.getValue()).toMatchObject({ code: 'quota' });
    spy.mockRestore();
    await logEventBatch([sampleEvent('handled')]);
    expect(await logErrorItem.getValue()).toBeNull();
  });
});

describe('fallback post keys (fbh:) are keyed on the way in', () => {
  const FBH = 'fbh:1a2b3c4d';
  // The workspace (an extension page) logs documentation; content scripts only post-seen.
  const sender = { tabId: undefined, senderKind: 'extension-page' as const };

  it('stores events, post records and case notes under fbk:, never the unkeyed digest', async () => {
    const seen = sampleEvent('post-seen', { postKey: FBH });
    const note = sampleEvent('note-added', { postKey: FBH, note: 'rang back', at: seen.at + 1 });
    const result = await handlers.logEvents({ events: [seen, note] }, sender);
    expect(result.added).toBe(2);

    const db = getDatabase();
    const stored = [
      ...(await db.events.toArray()),
      ...(await db.posts.toArray()),
      ...(await db.caseNotes.toArray()),
    ];
    expect(stored).toHaveLength(4);
    expect(JSON.stringify(stored)).not.toContain('fbh:');
    expect(JSON.stringify(stored)).not.toContain('1a2b3c4d');
    const keys = new Set(stored.map((record) => record.postKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^fbk:[A-Za-z0-9_-]{22}$/);
  });

  it('finds the case note when the workspace asks with the page’s fbh: key', async () => {
    const note = sampleEvent('note-added', { postKey: FBH, outcome: 'referred', note: 'n' });
    await handlers.logEvents({ events: [note] }, sender);
    expect(await handlers.getCaseNote({ postKey: FBH }, sender)).toMatchObject({
      outcome: 'referred',
      note: 'n',
    });
    expect(await loadCaseNote('fbh:other')).toBeNull();
  });

  it('keys the same fingerprint the same way after a restart, and leaves fb: keys alone', async () => {
    await logEventBatch([sampleEvent('post-seen', { postKey: FBH })]);
    resetAuthorHashCache();
    resetLogCaches();
    await logEventBatch([sampleEvent('handled', { postKey: FBH })]);
    await logEventBatch([sampleEvent('handled', { postKey: 'fb:123' })]);
    const keys = (await getDatabase().posts.toArray()).map((post) => post.postKey).sort();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe('fb:123');
    expect(keys[1]).toMatch(/^fbk:/);
  });
});

describe('runRetentionPurge', () => {
  it('uses the retention period from the settings', async () => {
    await updateSettings({ retentionDays: 10 });
    const now = Date.UTC(2026, 5, 1);
    await logEventBatch([
      sampleEvent('post-seen', { postKey: 'old', at: now - 11 * 86_400_000 }),
      sampleEvent('post-seen', { postKey: 'new', at: now - 9 * 86_400_000 }),
    ]);
    expect(await runRetentionPurge(now)).toMatchObject({ events: 1, posts: 1 });
    expect((await getDatabase().posts.toArray()).map((p) => p.postKey)).toEqual(['new']);
  });
});
