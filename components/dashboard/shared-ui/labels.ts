/**
 * Human names for the ids the log stores: topics, post languages, answers and
 * advisors, in the dashboard's UI language. Every section that shows log data
 * (log, statistics, trends, the funder report) names things through these, so
 * a supervisor never has to decode `unpaid-wages`, `ro` or `answer-17`.
 *
 * Missing topic ("unknown") and undetermined language ("und") get their own
 * words; `isUnclassified` tells a view to sort them last.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import type { PostLanguage } from '../../../lib/domain/languages';
import { isPostLanguage, LANGUAGE_ENDONYMS } from '../../../lib/domain/languages';
import { isTopic } from '../../../lib/domain/topics';
import { UNNAMED_ADVISOR } from '../../../lib/log/store';
import type { Pack } from '../../../lib/packs/schema';

/** The key lib/log/stats.ts gives posts no event named a topic for. */
export const UNKNOWN_TOPIC = 'unknown';
/** The language code of posts whose language could not be determined. */
export const UNDETERMINED_LANGUAGE = 'und';

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A post language's name in `uiLanguage` ("Polish", "Polnisch"); its endonym where Intl cannot name it. */
export function languageName(code: string, uiLanguage: string): string {
  let names = displayNames.get(uiLanguage);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(uiLanguage, names);
  }
  const named = names?.of(code);
  if (named) return named.charAt(0).toLocaleUpperCase(uiLanguage) + named.slice(1);
  return isPostLanguage(code) ? LANGUAGE_ENDONYMS[code] : code;
}

/** Whether a breakdown key stands for "not known" and belongs at the end of a list. */
export function isUnclassified(key: string): boolean {
  return key === UNKNOWN_TOPIC || key === UNDETERMINED_LANGUAGE;
}

/**
 * Answer titles by answer id from every installed pack (active or not: the
 * log keeps ids of answers from packs switched off since), in `uiLanguage`
 * where the pack has it, else in the pack's canonical language.
 */
export function answerTitlesOf(packs: readonly Pack[], uiLanguage: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const pack of packs) {
    const order: PostLanguage[] = isPostLanguage(uiLanguage)
      ? [uiLanguage, pack.canonicalLanguage]
      : [pack.canonicalLanguage];
    for (const answer of pack.answers) {
      if (titles.has(answer.id)) continue;
      const text = order.map((language) => answer.texts[language]).find(Boolean);
      if (text) titles.set(answer.id, text.title);
    }
  }
  return titles;
}

/** Answer titles from the installed packs; empty until read (ids are shown meanwhile). */
export function useAnswerTitles(uiLanguage: string): ReadonlyMap<string, string> {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    getDatabase()
      .packs.toArray()
      .then((records) => {
        // Active packs first, so a title an advisor currently sees wins over an old copy.
        const sorted = [...records].sort((a, b) => b.active - a.active);
        if (!cancelled)
          setTitles(
            answerTitlesOf(
              sorted.map((record) => record.current.pack),
              uiLanguage,
            ),
          );
      })
      .catch(() => undefined); // the ids are shown instead
    return () => {
      cancelled = true;
    };
  }, [uiLanguage]);
  return titles;
}

export interface Labels {
  /** The UI language the labels are in (`en`, `de`). */
  language: string;
  topic: (id: string | null) => string;
  postLanguage: (code: string | null) => string;
  answer: (id: string) => string;
  advisor: (name: string) => string;
}

/** Label functions for the current UI language; re-created when it changes. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation(['dashboard', 'topics']);
  const language = i18n.language;
  const titles = useAnswerTitles(language);
  return useMemo(
    () => ({
      language,
      topic: (id) => {
        if (id === null || id === UNKNOWN_TOPIC) return t('dashboard:labels.unclassifiedTopic');
        return isTopic(id) ? t(`topics:${id}`) : id;
      },
      postLanguage: (code) =>
        code === null || code === UNDETERMINED_LANGUAGE
          ? t('dashboard:labels.undeterminedLanguage')
          : languageName(code, language),
      answer: (id) => titles.get(id) ?? id,
      advisor: (name) => (name === UNNAMED_ADVISOR ? t('dashboard:labels.unnamedAdvisor') : name),
    }),
    [t, language, titles],
  );
}
