import { useMemo } from 'react';
import { getDatabase } from '../../../lib/db/database';
import { PackStore } from '../../../lib/packs/store';

/**
 * The dashboard owns the database (docs/ARCHITECTURE.md#ownership); one store
 * per mounted section.
 */
export function usePackStore(): PackStore {
  return useMemo(() => new PackStore(getDatabase()), []);
}

export function formatDate(value: string, language: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
