/**
 * One badge for an answer's legal standing, and the full record (review,
 * validity, signature, pack, legal basis) behind a toggle, so it no longer
 * sits between the reply and its buttons (UX review finding 7).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionPayload } from '../../lib/suggestions/schema';

export function reviewBadge(suggestion: SuggestionPayload): {
  key: 'reviewed' | 'expired' | 'example' | 'notReviewed';
  tone: 'ok' | 'warn';
} {
  if (suggestion.expired) return { key: 'expired', tone: 'warn' };
  if (suggestion.reviewed) return { key: 'reviewed', tone: 'ok' };
  return { key: suggestion.exampleContent ? 'example' : 'notReviewed', tone: 'warn' };
}

export function ReviewBadge({ suggestion }: { suggestion: SuggestionPayload }) {
  const { t } = useTranslation('workspace');
  const badge = reviewBadge(suggestion);
  return (
    <span className={`badge ${badge.tone}`} data-testid="review-badge">
      {t(`review.badge.${badge.key}`)}
    </span>
  );
}

export function LegalDetails({ suggestion }: { suggestion: SuggestionPayload }) {
  const { t } = useTranslation('workspace');
  const id = useId();
  const [open, setOpen] = useState(false);
  const { review, signature } = suggestion;
  const status = suggestion.reviewed
    ? t('review.approved', {
        reviewer: review.reviewer ?? t('review.unknownReviewer'),
        date: review.reviewedAt ?? '–',
      })
    : suggestion.exampleContent
      ? t('review.example')
      : t(`review.status.${review.status}`, { defaultValue: review.status });

  return (
    <div className="legal">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={`${id}-legal`}
        onClick={() => setOpen(!open)}
        data-testid="legal-toggle"
      >
        {t('review.toggle')}
      </button>{' '}
      <ReviewBadge suggestion={suggestion} />
      {open && (
        <dl id={`${id}-legal`} className="legal-details" data-testid="legal-details">
          <dt>{t('review.label')}</dt>
          <dd>{status}</dd>
          <dt>{t('review.validUntil')}</dt>
          <dd>
            {review.validUntil
              ? suggestion.expired
                ? t('review.expiredOn', { date: review.validUntil })
                : review.validUntil
              : '–'}
          </dd>
          <dt>{t('review.signature')}</dt>
          <dd>{t(`signature.${signature.status}`, { signer: signature.signer ?? '' })}</dd>
          <dt>{t('review.pack')}</dt>
          <dd>{`${suggestion.packTitle} ${suggestion.packVersion}`}</dd>
          {review.legalBasis.length > 0 && (
            <>
              <dt>{t('review.legalBasis')}</dt>
              <dd>
                <ul>
                  {review.legalBasis.map((basis) => (
                    <li key={basis}>{basis}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
