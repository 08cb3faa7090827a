/**
 * The safe-handover checklist (docs/PRODUCT.md#safe-handover), shown in the
 * documentation flow once the outcome is "Escalated": what to do now, the
 * emergency numbers, and the specialised services for the kind of case.
 * Numbers and links come from lib/domain/handover.ts; nothing here is sent
 * anywhere or written to the page.
 */
import { useTranslation } from 'react-i18next';
import type { HandoverContact } from '../../lib/domain/handover';
import { EMERGENCY_CONTACTS, HANDOVER_CHECKED, HANDOVER_CONTACTS } from '../../lib/domain/handover';
import type { EscalationKind } from '../../lib/log/events';

const STEPS = ['danger', 'private', 'specialised', 'document'] as const;

function Contact({ contact }: { contact: HandoverContact }) {
  const { t } = useTranslation('workspace');
  return (
    <li data-testid={`handover-contact-${contact.id}`}>
      <strong>{t(`handover.contacts.${contact.id}.name`)}</strong>
      {contact.phone && (
        <>
          {' '}
          <a href={`tel:${contact.phone.replace(/\s/g, '')}`} className="phone">
            {contact.phone}
          </a>
        </>
      )}
      <br />
      <span className="help">{t(`handover.contacts.${contact.id}.description`)}</span>
      {contact.url && (
        <>
          {' '}
          <a href={contact.url} target="_blank" rel="noreferrer noopener">
            {new URL(contact.url).host.replace(/^www\./, '')}
          </a>
        </>
      )}
    </li>
  );
}

export function HandoverChecklist({ kind }: { kind: EscalationKind | null }) {
  const { t, i18n } = useTranslation('workspace');
  const checked = new Date(`${HANDOVER_CHECKED}T12:00:00Z`).toLocaleDateString(i18n.language);
  return (
    <section className="handover" aria-label={t('handover.heading')} data-testid="handover">
      <h4>{t('handover.heading')}</h4>
      <p>{t('handover.intro')}</p>
      <ol>
        {STEPS.map((step) => (
          <li key={step}>{t(`handover.steps.${step}`)}</li>
        ))}
      </ol>
      <h5>{t('handover.emergencyHeading')}</h5>
      <ul className="contacts">
        {EMERGENCY_CONTACTS.map((contact) => (
          <Contact key={contact.id} contact={contact} />
        ))}
      </ul>
      {kind && (
        <>
          <h5>
            {t('handover.servicesHeading')}: {t(`documentation.escalations.${kind}`)}
          </h5>
          <ul className="contacts" data-testid="handover-services">
            {HANDOVER_CONTACTS[kind].map((contact) => (
              <Contact key={contact.id} contact={contact} />
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t('handover.checked', { date: checked })}</p>
    </section>
  );
}
