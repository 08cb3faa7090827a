import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { loadOwnRegister, recordGroupSighting, updateGroupTags } from './store';

let db: OutreachDatabase;
beforeEach(() => {
  db = new OutreachDatabase(`groups-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const DAY = 86_400_000;

describe('recordGroupSighting', () => {
  it('creates an entry the team works in, with the count and when it was read', async () => {
    const entry = await recordGroupSighting(
      db,
      { groupId: '123', name: 'Praca w Niemczech', memberCount: 12_400 },
      1000,
    );
    expect(entry).toMatchObject({
      key: 'facebook:123',
      name: 'Praca w Niemczech',
      memberCount: 12_400,
      memberCountAt: 1000,
      worksHere: true,
      sector: null,
      notes: '',
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
  });

  it('keeps the earlier count when the page does not show one, and the first-seen time', async () => {
    await recordGroupSighting(db, { groupId: '123', name: 'A', memberCount: 500 }, 1000);
    const later = await recordGroupSighting(
      db,
      { groupId: '123', name: null, memberCount: null },
      1000 + DAY,
    );
    expect(later).toMatchObject({
      name: 'A',
      memberCount: 500,
      memberCountAt: 1000,
      firstSeenAt: 1000,
      lastSeenAt: 1000 + DAY,
    });
  });

  it('never overwrites what the supervisor set', async () => {
    await recordGroupSighting(db, { groupId: '9', name: 'B', memberCount: 10 }, 1000);
    await updateGroupTags(db, 'facebook:9', {
      sector: 'care',
      notes: 'Moderated by a works council member',
      worksHere: false,
    });
    const seen = await recordGroupSighting(db, { groupId: '9', name: 'B2', memberCount: 12 }, 2000);
    expect(seen).toMatchObject({
      name: 'B2',
      memberCount: 12,
      sector: 'care',
      notes: 'Moderated by a works council member',
      worksHere: false,
    });
  });

  it('ignores a member count that cannot be one', async () => {
    const entry = await recordGroupSighting(
      db,
      { groupId: '5', name: 'C', memberCount: 1e12 },
      1000,
    );
    expect(entry.memberCount).toBeNull();
    expect(entry.memberCountAt).toBeNull();
  });
});

describe('updateGroupTags', () => {
  it('refuses an unknown group and an over-long note, and changes nothing', async () => {
    await recordGroupSighting(db, { groupId: '7', name: 'D', memberCount: null }, 1000);
    await expect(updateGroupTags(db, 'facebook:8', { notes: 'x' })).rejects.toThrow(
      'No group "facebook:8"',
    );
    await expect(updateGroupTags(db, 'facebook:7', { notes: 'x'.repeat(1001) })).rejects.toThrow(
      /notes/,
    );
    expect((await loadOwnRegister(db))[0]?.notes).toBe('');
  });

  it('lists the register most recently seen first, without storage keys', async () => {
    await recordGroupSighting(db, { groupId: 'old', name: 'Old', memberCount: null }, 1000);
    await recordGroupSighting(db, { groupId: 'new', name: 'New', memberCount: null }, 5000);
    const register = await loadOwnRegister(db);
    expect(register.map((entry) => entry.groupId)).toEqual(['new', 'old']);
    expect(register[0]).not.toHaveProperty('key');
  });
});
