/**
 * Readable labels and hints for an answer's placeholders, instead of the raw
 * `{city}` token (UX review finding 10). Common names get their own strings
 * (locales/<lang>/workspace.json, `placeholders.known`); any other name is
 * humanised ("office_hours" → "Office hours").
 */

/** Placeholder names with their own label and hint in the workspace's strings. */
export const KNOWN_PLACEHOLDERS = [
  'city',
  'contact',
  'name',
  'date',
  'phone',
  'email',
  'address',
  'office',
  'hours',
  'link',
  'referral',
] as const;
export type KnownPlaceholder = (typeof KNOWN_PLACEHOLDERS)[number];

/** Other spellings packs use for the same thing. */
const ALIASES: Record<string, KnownPlaceholder> = {
  town: 'city',
  place: 'city',
  ort: 'city',
  stadt: 'city',
  kontakt: 'contact',
  advisor: 'name',
  advisorname: 'name',
  counsellor: 'name',
  datum: 'date',
  telephone: 'phone',
  tel: 'phone',
  telefon: 'phone',
  mail: 'email',
  adresse: 'address',
  officename: 'office',
  service: 'office',
  organisation: 'office',
  organization: 'office',
  beratungsstelle: 'office',
  openinghours: 'hours',
  officehours: 'hours',
  time: 'hours',
  url: 'link',
  website: 'link',
};

export function knownPlaceholder(name: string): KnownPlaceholder | null {
  const plain = name.toLowerCase().replace(/[_-]/g, '');
  if ((KNOWN_PLACEHOLDERS as readonly string[]).includes(plain)) return plain as KnownPlaceholder;
  return ALIASES[plain] ?? null;
}

/** "officeHours" or "office_hours" → "Office hours". */
export function humanisePlaceholder(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function placeholderLabel(
  name: string,
  t: Translate,
): { label: string; hint: string | null } {
  const known = knownPlaceholder(name);
  if (known) {
    return {
      label: t(`placeholders.known.${known}.label`),
      hint: t(`placeholders.known.${known}.hint`),
    };
  }
  return { label: humanisePlaceholder(name), hint: null };
}

/** Splits text into plain runs and `{name}` markers, for highlighting the empty ones. */
export function splitPlaceholders(text: string): { text: string; placeholder: string | null }[] {
  const parts: { text: string; placeholder: string | null }[] = [];
  const pattern = /\{([a-z][a-zA-Z0-9_]*)\}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index), placeholder: null });
    parts.push({ text: match[0], placeholder: match[1] ?? null });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: null });
  return parts;
}
