import { useTranslation } from 'react-i18next';

/** A section whose feature has not shipped yet: says what it will hold. */
export function UpcomingSection({ section }: { section: 'log' | 'stats' }) {
  const { t } = useTranslation('dashboard');
  return (
    <section aria-labelledby={`${section}-heading`} data-testid={`section-${section}`}>
      <h2 id={`${section}-heading`}>{t(`sections.${section}`)}</h2>
      <div className="notice" role="note">
        <strong>{t('upcoming.heading')}</strong>
        <p>{t(`upcoming.${section}`)}</p>
      </div>
    </section>
  );
}
