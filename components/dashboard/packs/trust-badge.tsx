import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../../lib/packs/signing';

export function TrustBadge({
  status,
  signer,
}: {
  status: Exclude<VerificationStatus, 'invalid'>;
  signer: string | null;
}) {
  const { t } = useTranslation('packs');
  return (
    <span className={`badge trust-${status}`} data-testid="trust-badge" data-trust={status}>
      {t(`trust.${status}`, { signer: signer ?? '' })}
    </span>
  );
}
