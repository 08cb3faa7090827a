/**
 * The advisor's feedback on suggestions, made visible and resettable: which
 * answers "not relevant" pushed down or "used" pulled up, by how much, and
 * a reset per answer or for all. The background owns the record
 * (lib/background/suggestion-feedback.ts); this page only asks it.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '../../lib/messaging/send';
import type { FeedbackEntry } from '../../lib/suggestions/schema';

export function FeedbackSettings() {
  const { t, i18n } = useTranslation(['feedback', 'topics']);
  const id = useId();
  const uiLanguage = i18n.language === 'de' ? 'de' : 'en';
  const [entries, setEntries] = useState<FeedbackEntry[]>();
  const [status, setStatus] = useState('');

  const load = useCallback(() => {
    sendMessage('getSuggestionFeedback', { uiLanguage }).then(
      ({ entries: list }) => setEntries(list),
      () => setStatus(t('unavailable')),
    );
  }, [t, uiLanguage]);

  useEffect(load, [load]);

  const reset = async (answer?: { packId: string; answerId: string }) => {
    try {
      const { entries: list } = await sendMessage('resetSuggestionFeedback', {
        uiLanguage,
        ...(answer ? { answer } : {}),
      });
      setEntries(list);
      setStatus(answer ? t('resetOne') : t('resetAll'));
    } catch {
      setStatus(t('unavailable'));
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} data-testid="feedback-settings">
      <h3 id={`${id}-h`}>{t('heading')}</h3>
      <p className="help">{t('help')}</p>
      {entries && entries.length === 0 && <p data-testid="feedback-empty">{t('empty')}</p>}
      {entries && entries.length > 0 && (
        <>
          <table className="feedback-table">
            <thead>
              <tr>
                <th scope="col">{t('answer')}</th>
                <th scope="col">{t('effect')}</th>
                <th scope="col">{t('counts')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr
                  key={`${entry.packId}/${entry.answerId}`}
                  data-testid="feedback-row"
                  data-answer-id={entry.answerId}
                >
                  <td>
                    {entry.title ?? entry.answerId}
                    <br />
                    <small>
                      {entry.topic ? t(`topics:${entry.topic}`) : entry.packId}
                      {' · '}
                      <code data-i18n-exempt>{entry.answerId}</code>
                    </small>
                  </td>
                  <td data-testid="feedback-effect">
                    {entry.adjustment < 0
                      ? t('lower', { points: Math.round(-entry.adjustment * 100) })
                      : entry.adjustment > 0
                        ? t('higher', { points: Math.round(entry.adjustment * 100) })
                        : t('neutral')}
                  </td>
                  <td>{t('countsValue', { notRelevant: entry.notRelevant, used: entry.used })}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => void reset(entry)}
                      aria-label={t('resetAnswerLabel', { title: entry.title ?? entry.answerId })}
                    >
                      {t('resetAnswer')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void reset()} data-testid="feedback-reset-all">
            {t('resetAllButton')}
          </button>
        </>
      )}
      <p role="status" className="saved">
        {status}
      </p>
    </section>
  );
}
