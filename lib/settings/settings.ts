/**
 * User settings, kept in `storage.local` as one versioned item.
 *
 * The zod schema is the source of truth. Values read back are parsed, and a
 * field that does not parse falls back to its default instead of breaking the
 * extension, so a hand-edited or older value can never lock a user out.
 * Schema changes bump `SETTINGS_VERSION` and add a migration below.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { storage } from 'wxt/utils/storage';
import { GERMAN_STATES } from '../domain/states';

export const SETTINGS_VERSION = 1;

export const uiLanguageSettingSchema = lazySchema(() => z.enum(['auto', 'en', 'de']));
export type UiLanguageSetting = z.infer<typeof uiLanguageSettingSchema>;

export const groupsModeSchema = lazySchema(() => z.enum(['all', 'allow-list']));
export type GroupsMode = z.infer<typeof groupsModeSchema>;

/** A group the advisor works in: Facebook's group id (or vanity name) and a label. */
export const allowedGroupSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    name: z.string().check(z.trim(), z.maxLength(200)),
  }),
);
export type AllowedGroup = z.infer<typeof allowedGroupSchema>;

export const settingsSchema = lazySchema(() =>
  z.object({
    /** Language of the extension's own interface; `auto` follows the browser. */
    uiLanguage: uiLanguageSettingSchema,
    /** Work in every group, or only in the groups listed in `allowedGroups`. */
    groupsMode: groupsModeSchema,
    allowedGroups: z.array(allowedGroupSchema).check(z.maxLength(500)),
    /** How the advisor appears in logs and exports (a pseudonym, not a name). */
    advisorPseudonym: z.string().check(z.trim(), z.maxLength(60)),
    /** Keep the text of posts in the log (off: only language, topic, group). */
    storePostText: z.boolean(),
    /** Log records older than this many days are purged automatically. */
    retentionDays: z.int().check(z.gte(1), z.lte(3650)),
    /** The federal state the advisor works in: the referral picker offers its services first. */
    advisorState: z.nullable(z.enum(GERMAN_STATES)),
    /**
     * Reports hide counts from 1 to this minus one (and what would reveal
     * them): the funder report's small-count threshold (docs/MONITORING.md).
     */
    reportMinCount: z.int().check(z.gte(2), z.lte(100)),
  }),
);
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'auto',
  groupsMode: 'all',
  allowedGroups: [],
  advisorPseudonym: '',
  storePostText: false,
  retentionDays: 90,
  advisorState: null,
  reportMinCount: 5,
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

/**
 * Whether the extension works in a group. Ids are compared without case;
 * a listed name also matches (a group may be known by its vanity name).
 */
export function isGroupIncluded(
  settings: Pick<Settings, 'groupsMode' | 'allowedGroups'>,
  groupId: string | null,
  groupName: string | null = null,
): boolean {
  if (settings.groupsMode === 'all') return true;
  if (groupId === null) return false;
  const id = groupId.toLowerCase();
  const name = groupName?.trim().toLowerCase();
  return settings.allowedGroups.some(
    (group) =>
      group.id.toLowerCase() === id ||
      (name !== undefined && name !== '' && group.name.toLowerCase() === name),
  );
}
