/**
 * The group register's records in IndexedDB (declared in lib/db/database.ts).
 */
import type { GroupRegisterEntry } from './register';

/** A group this installation has seen: the entry under its `groupKey`. */
export interface GroupRecord extends GroupRegisterEntry {
  key: string;
}

/** A register entry that arrived in a merged export; removed with that import. */
export interface ImportedGroupRecord extends GroupRegisterEntry {
  importId: string;
  key: string;
}
