/** Counts which entry of each selector group matched, for the diagnostic report. */
import type { SelectorStats } from '../sites/types';

export function createSelectorStats(
  catalogue: Readonly<Record<string, readonly string[]>>,
): SelectorStats & { snapshot(): Record<string, number[]> } {
  const hits = new Map<string, number[]>(
    Object.entries(catalogue).map(([group, entries]) => [group, entries.map(() => 0)]),
  );
  return {
    record(group, index) {
      const counts = hits.get(group);
      if (counts && index < counts.length) counts[index] = (counts[index] ?? 0) + 1;
    },
    snapshot: () => Object.fromEntries([...hits].map(([group, counts]) => [group, [...counts]])),
  };
}
