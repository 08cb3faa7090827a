/**
 * "Dec 4, 2026, 9:20 PM (3 minutes ago)" in the Team section's language: how
 * the share and fetch panels say when something last happened.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeTime } from '../../shared/relative-time';

export function useWhen(now: number): (at: number) => string {
  const { t, i18n } = useTranslation('team');
  return (at) =>
    t('when', {
      date: formatDateTime(at, i18n.language),
      ago: formatRelativeTime(at, now, i18n.language, t('justNow')),
    });
}
