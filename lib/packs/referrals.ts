/**
 * The referral directory (packs/FORMAT.md, "Referral directory"): which
 * services of the active packs serve an advisor's federal state and a post's
 * language. Pure; the CLI (`cli referrals`) and the workspace's picker use it.
 */
import type { PostLanguage } from '../domain/languages';
import { NATIONWIDE, type GermanState } from '../domain/states';
import type { Pack, ReferralTarget } from './schema';

export interface ReferralFilter {
  /** Only services working in this state (nationwide services always do). */
  state?: GermanState;
  /** Only services counselling in this language. */
  language?: PostLanguage;
}

export interface ReferralEntry {
  target: ReferralTarget;
  packId: string;
}

/** Does the service cover this state (itself, or nationwide)? */
export function servesState(target: ReferralTarget, state: GermanState): boolean {
  return target.states.includes(state) || target.states.includes(NATIONWIDE);
}

/**
 * The targets of the given packs that match the filter: services in the
 * state itself first (an office nearby beats a national hotline), then
 * nationwide ones; by name within each. A target id listed by two packs is
 * taken from the first pack.
 */
export function filterReferrals(
  packs: readonly Pick<Pack, 'id' | 'referrals'>[],
  filter: ReferralFilter = {},
): ReferralEntry[] {
  const seen = new Set<string>();
  const entries: ReferralEntry[] = [];
  for (const pack of packs) {
    for (const target of pack.referrals ?? []) {
      if (seen.has(target.id)) continue;
      seen.add(target.id);
      if (filter.state && !servesState(target, filter.state)) continue;
      if (filter.language && !target.languages.includes(filter.language)) continue;
      entries.push({ target, packId: pack.id });
    }
  }
  const local = (entry: ReferralEntry) =>
    filter.state !== undefined && entry.target.states.includes(filter.state) ? 0 : 1;
  return entries.sort(
    (a, b) => local(a) - local(b) || a.target.name.localeCompare(b.target.name, 'de'),
  );
}
