/**
 * Missed questions: where matching failed the advisors — posts answered
 * with an answer found by searching the pack, and suggestions marked "not
 * relevant" — counted per topic and post language over this advisor's log
 * and imported exports (lib/log/missed.ts, shared with `cli logs missed`).
 * Pack editors read it to add example questions where matching misses.
 * Post texts appear only where they were stored with the advisor's consent.
 * Topics, languages and answers are named, never shown as ids
 * (components/dashboard/shared-ui/labels.ts).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogFilter } from '../../lib/log/filter';
import { buildMissedReport } from '../../lib/log/missed';
import { useLogEvents } from './log/use-log-events';
import { useLabels } from './shared-ui/labels';
import './log/log.css';

const ALL: LogFilter = {};

export function MissedSection() {
  const { t } = useTranslation(['missed', 'topics']);
  const events = useLogEvents(ALL);
  const report = useMemo(() => (events ? buildMissedReport(events) : undefined), [events]);
  const labels = useLabels();
  const topic = (id: string) => (id === 'unknown' ? t('unknownTopic') : t(`topics:${id}`));
  const language = (code: string) => labels.postLanguage(code);

  return (
    <section aria-labelledby="missed-heading" data-testid="section-missed">
      <h2 id="missed-heading">{t('heading')}</h2>
      <p className="help">{t('help')}</p>
      {!report ? (
        <p className="help">{t('loading')}</p>
      ) : report.rows.length === 0 ? (
        <p className="help" data-testid="missed-empty">
          {t('empty')}
        </p>
      ) : (
        <>
          <dl className="facts totals" data-testid="missed-totals">
            <div>
              <dt>{t('foundBySearch')}</dt>
              <dd>{report.totals.foundBySearch}</dd>
            </div>
            <div>
              <dt>{t('notRelevant')}</dt>
              <dd>{report.totals.notRelevant}</dd>
            </div>
          </dl>
          <table className="log-table" data-testid="missed-table">
            <caption>{t('byTopic')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('topic')}</th>
                <th scope="col">{t('language')}</th>
                <th scope="col">{t('foundBySearch')}</th>
                <th scope="col">{t('notRelevant')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={`${row.topic}/${row.language}`}>
                  <td>{topic(row.topic)}</td>
                  <td>{language(row.language)}</td>
                  <td>{row.foundBySearch}</td>
                  <td>{row.notRelevant}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.searchedAnswers.length > 0 && (
            <table className="log-table" data-testid="missed-answers">
              <caption>{t('searchedAnswers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('answer')}</th>
                  <th scope="col">{t('topic')}</th>
                  <th scope="col">{t('posts')}</th>
                </tr>
              </thead>
              <tbody>
                {report.searchedAnswers.map((answer) => (
                  <tr key={answer.answerId}>
                    <td>{labels.answer(answer.answerId)}</td>
                    <td>{topic(answer.topic)}</td>
                    <td>{answer.posts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.texts.length > 0 && (
            <>
              <h3>{t('texts')}</h3>
              <ul data-testid="missed-texts">
                {report.texts.map((entry, i) => (
                  <li key={i}>
                    <strong>
                      {t(entry.kind === 'found-by-search' ? 'foundBySearch' : 'notRelevant')},{' '}
                      {topic(entry.topic)}, {language(entry.language)}:
                    </strong>{' '}
                    {entry.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
