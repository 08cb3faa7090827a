import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostLanguage } from '../../../lib/domain/languages';
import { LANGUAGE_ENDONYMS, POST_LANGUAGES } from '../../../lib/domain/languages';
import { ANSWER_TOPICS } from '../../../lib/domain/topics';
import type { Answer, Pack } from '../../../lib/packs/schema';
import { linkLabelFor } from '../../../lib/domain/link-label';
import { isoToday } from '../../../lib/packs/validate';
import { formatDate } from './use-pack-store';

function AnswerCard({
  answer,
  language,
  canonical,
}: {
  answer: Answer;
  language: PostLanguage;
  canonical: PostLanguage;
}) {
  const { t, i18n } = useTranslation(['packs', 'topics']);
  const text = answer.texts[language] ?? answer.texts[canonical];
  const missing = !answer.texts[language];
  const today = isoToday();
  const { review } = answer;
  const expired = review.validUntil !== null && review.validUntil < today;
  const stale = text !== undefined && text.sourceVersion < answer.canonicalVersion;
  if (!text) return null;
  return (
    <article className="answer-card" data-testid="answer-card" data-answer-id={answer.id}>
      <header>
        <h4 lang={missing ? canonical : language} data-i18n-exempt>
          {text.title}
        </h4>
        <div className="badges">
          <span className="badge">{t(`topics:${answer.topic}`)}</span>
          <span className="badge">{t(`browser.kind.${answer.kind}`)}</span>
          <span className={`badge review-${review.status}`} data-testid="review-status">
            {t(`browser.review.${review.status}`)}
          </span>
          {expired && review.validUntil && (
            <span className="badge badge-danger" data-testid="expired">
              {t('browser.expired', { date: formatDate(review.validUntil, i18n.language) })}
            </span>
          )}
          {stale && (
            <span className="badge badge-warning" data-testid="stale">
              {t('browser.stale', {
                source: text.sourceVersion,
                canonical: answer.canonicalVersion,
              })}
            </span>
          )}
        </div>
      </header>
      {missing && (
        <p className="help">
          {t('browser.missingLanguage', { language: LANGUAGE_ENDONYMS[language] })}
        </p>
      )}
      <p className="answer-body" lang={missing ? canonical : language}>
        {text.body}
      </p>
      <dl className="facts">
        {review.reviewer && review.reviewedAt && (
          <>
            <dt>{t('browser.reviewLabel')}</dt>
            <dd>
              {t('browser.reviewedBy', {
                reviewer: review.reviewer,
                date: formatDate(review.reviewedAt, i18n.language),
              })}
            </dd>
          </>
        )}
        {review.validUntil && !expired && (
          <>
            <dt>{t('browser.validUntilLabel')}</dt>
            <dd>{formatDate(review.validUntil, i18n.language)}</dd>
          </>
        )}
      </dl>
      {review.legalBasis.length > 0 && (
        <p className="help">{t('browser.legalBasis', { basis: review.legalBasis.join('; ') })}</p>
      )}
      {answer.placeholders.length > 0 && (
        <p className="help">
          {t('browser.placeholders', {
            names: answer.placeholders.map((name) => `{${name}}`).join(', '),
          })}
        </p>
      )}
      {answer.links.length > 0 && (
        <p className="links">
          {answer.links.map((link) => (
            <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
              {linkLabelFor(link, missing ? canonical : language)}
            </a>
          ))}
        </p>
      )}
      <details>
        <summary>{t('browser.examples')}</summary>
        <ul lang={missing ? canonical : language}>
          {text.examples.map((example) => (
            <li key={example}>{example}</li>
          ))}
        </ul>
      </details>
    </article>
  );
}

/** Answers of one pack, filtered by topic and shown in one language. */
export function AnswerBrowser({ pack, onClose }: { pack: Pack; onClose: () => void }) {
  const { t, i18n } = useTranslation(['packs', 'topics']);
  const topicId = useId();
  const languageId = useId();
  const [topic, setTopic] = useState<string>('all');
  const [chosenLanguage, setLanguage] = useState<PostLanguage>(
    i18n.language === 'de' ? 'de' : 'en',
  );
  const language = pack.languages.includes(chosenLanguage)
    ? chosenLanguage
    : pack.canonicalLanguage;

  const answers = useMemo(
    () => pack.answers.filter((answer) => topic === 'all' || answer.topic === topic),
    [pack, topic],
  );
  const topicsInPack = ANSWER_TOPICS.filter((id) =>
    pack.answers.some((answer) => answer.topic === id),
  );

  return (
    <section
      className="answer-browser"
      aria-labelledby="browser-heading"
      data-testid="answer-browser"
    >
      <div className="browser-head">
        <h3 id="browser-heading">{t('browser.heading', { title: pack.title })}</h3>
        <button type="button" onClick={onClose}>
          {t('browser.close')}
        </button>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor={topicId}>{t('browser.topic')}</label>
          <select
            id={topicId}
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            data-testid="browser-topic"
          >
            <option value="all">{t('browser.allTopics')}</option>
            {topicsInPack.map((id) => (
              <option key={id} value={id}>
                {t(`topics:${id}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={languageId}>{t('browser.language')}</label>
          <select
            id={languageId}
            value={language}
            onChange={(event) => setLanguage(event.target.value as PostLanguage)}
            data-testid="browser-language"
          >
            {POST_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_ENDONYMS[code]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">{t('browser.count', { count: answers.length })}</p>
      {answers.length === 0 ? (
        <p>{t('browser.noAnswers')}</p>
      ) : (
        answers.map((answer) => (
          <AnswerCard
            key={answer.id}
            answer={answer}
            language={language}
            canonical={pack.canonicalLanguage}
          />
        ))
      )}
    </section>
  );
}
