import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, normaliseSettings, updateSettings } from './settings';

describe('normaliseSettings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['a non-object', 'garbage', DEFAULT_SETTINGS],
    [
      'a valid value',
      { ...DEFAULT_SETTINGS, uiLanguage: 'de' },
      { ...DEFAULT_SETTINGS, uiLanguage: 'de' },
    ],
    ['an invalid field', { ...DEFAULT_SETTINGS, uiLanguage: 'klingon' }, DEFAULT_SETTINGS],
    [
      'settings from before the report threshold',
      { ...DEFAULT_SETTINGS, reportMinCount: undefined, retentionDays: 30 },
      { ...DEFAULT_SETTINGS, retentionDays: 30, reportMinCount: 5 },
    ],
    [
      'a threshold that would publish single cases',
      { ...DEFAULT_SETTINGS, reportMinCount: 1 },
      { ...DEFAULT_SETTINGS, reportMinCount: 5 },
    ],
  ])('handles %s', (_name, stored, expected) => {
    expect(normaliseSettings(stored)).toEqual(expected);
  });
});

describe('settings storage', () => {
  it('stores a change and reads it back', async () => {
    await updateSettings({ uiLanguage: 'de' });
    expect((await getSettings()).uiLanguage).toBe('de');
  });

  it('refuses an invalid change and keeps what was stored', async () => {
    await updateSettings({ uiLanguage: 'en' });
    await expect(updateSettings({ uiLanguage: 'xx' as never })).rejects.toThrow();
    expect((await getSettings()).uiLanguage).toBe('en');
  });

  it('recovers from a corrupted stored value', async () => {
    await updateSettings({ uiLanguage: 'de' });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: expect.objectContaining({ uiLanguage: 'de' }),
    });
    await fakeBrowser.storage.local.set({ settings: { uiLanguage: 42 } });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
