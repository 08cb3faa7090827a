/** The dashboard's sections, in navigation order; the URL hash selects one. */
export const SECTIONS = [
  'packs',
  'log',
  'stats',
  'trends',
  'report',
  'groups',
  'missed',
  'team',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(id) ? (id as SectionId) : 'packs';
}
