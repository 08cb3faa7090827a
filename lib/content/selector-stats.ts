/**
 * Counts selector entries for the diagnostic report: per group and entry,
 * how often it was the one used (`record`), and how often it matched at all,
 * also as a fallback behind an entry that was used (`recordMatch`). The
 * second count travels in the same `selectorHits` map under `<group>:matched`
 * (the message schema already allows any group name), so when Facebook breaks
 * the first entry the report shows which fallbacks were still working.
 */
import type { SelectorStats } from '../sites/types';

export const MATCHED_SUFFIX = ':matched';

export function createSelectorStats(
  catalogue: Readonly<Record<string, readonly string[]>>,
): Required<SelectorStats> & { snapshot(): Record<string, number[]> } {
  const hits = new Map<string, number[]>();
  for (const [group, entries] of Object.entries(catalogue)) {
    hits.set(
      group,
      entries.map(() => 0),
    );
    hits.set(
      `${group}${MATCHED_SUFFIX}`,
      entries.map(() => 0),
    );
  }
  const add = (key: string, index: number) => {
    const counts = hits.get(key);
    if (counts && index < counts.length) counts[index] = (counts[index] ?? 0) + 1;
  };
  return {
    record: (group, index) => add(group, index),
    recordMatch: (group, index) => add(`${group}${MATCHED_SUFFIX}`, index),
    snapshot: () => Object.fromEntries([...hits].map(([group, counts]) => [group, [...counts]])),
  };
}
