import { describe, expect, it } from 'vitest';
import { fetchPackText, originPattern, PackFetchError, parsePackUrl } from './fetch-pack';

const respond = (body: string, init: ResponseInit = {}) =>
  (async () => new Response(body, init)) as unknown as typeof fetch;

describe('parsePackUrl', () => {
  it.each([
    ['http://example.org/pack.json', 'not-https'],
    ['ftp://example.org/pack.json', 'not-https'],
    ['not a url', 'not-https'],
  ])('refuses %s', (input, reason) => {
    expect(() => parsePackUrl(input)).toThrow(PackFetchError);
    try {
      parsePackUrl(input);
    } catch (error) {
      expect((error as PackFetchError).reason).toBe(reason);
    }
  });

  it('accepts https and gives the origin pattern to request', () => {
    const url = parsePackUrl(' https://packs.example.org/v1/pack.json ');
    expect(originPattern(url)).toBe('https://packs.example.org/*');
  });
});

describe('fetchPackText', () => {
  it('returns the body of a successful response', async () => {
    expect(await fetchPackText('https://x.example/p.json', { fetch: respond('{"a":1}') })).toBe(
      '{"a":1}',
    );
  });

  it('reports an HTTP error status', async () => {
    await expect(
      fetchPackText('https://x.example/p.json', { fetch: respond('nope', { status: 404 }) }),
    ).rejects.toMatchObject({ reason: 'http-status', detail: { host: 'x.example', status: 404 } });
  });

  it('stops reading a body over the size limit', async () => {
    await expect(
      fetchPackText('https://x.example/p.json', {
        fetch: respond('x'.repeat(2000)),
        maxBytes: 1000,
      }),
    ).rejects.toMatchObject({ reason: 'too-large', detail: { limitMb: 1000 / 1024 / 1024 } });
  });

  it('reports a network failure', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(
      fetchPackText('https://x.example/p.json', { fetch: failing }),
    ).rejects.toMatchObject({ reason: 'network' });
  });
});

describe('invalid UTF-8 (finding 17)', () => {
  it('refuses a body with invalid UTF-8 instead of replacing it with U+FFFD', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const fetchBytes = (async () => new Response(body)) as unknown as typeof fetch;
    const attempt = fetchPackText('https://x.example/p.json', { fetch: fetchBytes });
    await expect(attempt).rejects.toThrow(PackFetchError);
    await expect(attempt).rejects.toMatchObject({ reason: 'not-utf8', detail: { offset: 6 } });
  });
});
