/**
 * User settings, kept in `storage.local` as one versioned item.
 *
 * The zod schema is the source of truth. Values read back are parsed, and a
 * field that does not parse falls back to its default instead of breaking the
 * extension, so a hand-edited or older value can never lock a user out.
 * Schema changes bump `SETTINGS_VERSION` and add a migration below.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

export const SETTINGS_VERSION = 1;

export const uiLanguageSettingSchema = z.enum(['auto', 'en', 'de']);
export type UiLanguageSetting = z.infer<typeof uiLanguageSettingSchema>;

export const settingsSchema = z.object({
  /** Language of the extension's own interface; `auto` follows the browser. */
  uiLanguage: uiLanguageSettingSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'auto',
};

/**
 * Turns whatever is stored into valid settings: known fields that parse are
 * kept, everything else gets its default.
 */
export function normaliseSettings(stored: unknown): Settings {
  const whole = settingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const source = typeof stored === 'object' && stored !== null ? stored : {};
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fieldSchema] of Object.entries(settingsSchema.def.shape)) {
    const value = (source as Record<string, unknown>)[key];
    const parsed = (fieldSchema as z.ZodMiniType).safeParse(value);
    if (parsed.success) result[key] = parsed.data;
  }
  return settingsSchema.parse(result);
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {},
});

export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Applies a partial change; the result is validated before it is stored. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normaliseSettings(value)));
}
