import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getInstallationSecret,
  hashAuthor,
  hashAuthorWithSecret,
  resetAuthorHashCache,
} from './author-hash';

describe('author hash', () => {
  beforeEach(() => resetAuthorHashCache());

  it('creates a 32-byte secret once and keeps it in storage.local', async () => {
    const first = await getInstallationSecret();
    resetAuthorHashCache();
    const second = await getInstallationSecret();
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    const stored = await fakeBrowser.storage.local.get('installationSecret');
    expect(stored.installationSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same pseudonym for the same name however it is spaced or cased', async () => {
    expect(await hashAuthor('  Marek   Zielinski ')).toBe(await hashAuthor('marek zielinski'));
  });

  it('never contains the name and differs between installations', async () => {
    const a = await hashAuthorWithSecret('Ioana', new Uint8Array(32).fill(1));
    const b = await hashAuthorWithSecret('Ioana', new Uint8Array(32).fill(2));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toContain('ioana');
  });

  it('matches the HMAC-SHA-256 test vector of RFC 4231 case 2 (without normalisation effects)', async () => {
    // Key "Jefe", data "what do ya want for nothing?" (already normalised form).
    const key = new TextEncoder().encode('Jefe');
    expect(await hashAuthorWithSecret('what do ya want for nothing?', key)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
