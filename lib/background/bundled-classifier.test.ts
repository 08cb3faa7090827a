import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLASSIFIER_FILE } from '../cli/classifier-file';
import { loadBundledClassifier, resetBundledClassifier } from './bundled-classifier';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetBundledClassifier();
});

describe('loadBundledClassifier', () => {
  it("reads the classifier from the extension's package, once per worker life", async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response(readFileSync(CLASSIFIER_FILE)));
    });
    const classifier = await loadBundledClassifier();
    expect(classifier?.header.classes).toContain('off-topic');
    expect(await loadBundledClassifier()).toBe(classifier);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/topic-classifier\.bin$/);
  });

  it('matches from the packs alone, with the error logged, when the file cannot be read', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    expect(await loadBundledClassifier()).toBeUndefined();
    expect(String(logged.mock.calls[0]?.[1])).toContain('could not be read (404)');
  });

  it('treats a damaged file the same way', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Uint8Array([1, 2, 3]))));
    expect(await loadBundledClassifier()).toBeUndefined();
    expect(String(logged.mock.calls[0]?.[1])).toContain('damaged');
  });
});
