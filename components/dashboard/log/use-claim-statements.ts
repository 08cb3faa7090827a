/**
 * What each claim says, in the dashboard's language, from the active packs:
 * the statistics name a myth by its statement, not by its id. A claim whose
 * pack is no longer active keeps its id.
 */
import { useEffect, useState } from 'react';
import { getDatabase } from '../../../lib/db/database';
import type { PostLanguage, UiLanguage } from '../../../lib/domain/languages';
import { PackStore } from '../../../lib/packs/store';

export function useClaimStatements(uiLanguage: UiLanguage): ReadonlyMap<string, string> {
  const [statements, setStatements] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    new PackStore(getDatabase())
      .activePacks()
      .then((packs) => {
        const found = new Map<string, string>();
        for (const pack of packs) {
          for (const answer of pack.answers) {
            for (const claim of answer.claims ?? []) {
              const order: PostLanguage[] = [uiLanguage, pack.canonicalLanguage, 'en', 'de'];
              const text = order.map((language) => claim.texts[language]).find(Boolean);
              if (text && !found.has(claim.id)) found.set(claim.id, text.statement);
            }
          }
        }
        if (!cancelled) setStatements(found);
      })
      .catch(() => undefined); // the ids are shown instead
    return () => {
      cancelled = true;
    };
  }, [uiLanguage]);
  return statements;
}
