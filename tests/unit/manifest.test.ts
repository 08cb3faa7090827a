import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string }) => Record<string, unknown>;

describe('manifest (finding 17)', () => {
  it('states the lowest Chrome version the bundle and APIs work in', () => {
    const manifest = (config.manifest as unknown as ManifestFn)({ browser: 'chrome' });
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('keeps Firefox on its own minimum', () => {
    const manifest = (config.manifest as unknown as ManifestFn)({ browser: 'firefox' });
    expect(manifest.minimum_chrome_version).toBeUndefined();
  });
});
