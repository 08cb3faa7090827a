/**
 * The advisor's side of team sync: how many log events have not reached the
 * team database yet (live, from the local outbox), when sharing last worked
 * or why it failed, and "Share now", which asks the background to send what
 * is waiting. A failure leaves everything in the outbox for the next try.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../lib/team/status';
import { useWhen } from './use-when';
import type { Outcome } from './outcome-notice';
import { OutcomeNotice } from './outcome-notice';
import { storedErrorText } from './team-error';
import type { TeamServices } from './team-services';

export function SharePanel({
  status,
  services,
  now,
}: {
  status: TeamStatus;
  services: TeamServices;
  now: number;
}) {
  const { t } = useTranslation('team');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Outcome>(null);

  const share = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await services.shareNow();
      if (!result.ok) {
        setMessage({
          tone: 'error',
          text: t('share.failed', { message: storedErrorText(result, t) }),
        });
      } else if (result.sharedEvents === 0 && result.batches === 0) {
        setMessage({ tone: 'success', text: t('share.nothingNew') });
      } else {
        setMessage({
          tone: 'success',
          text: t('share.done', {
            count: result.sharedEvents,
            batches: t('share.batches', { count: result.batches }),
          }),
        });
      }
    } catch (error) {
      setMessage({
        tone: 'error',
        text: t('share.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      setBusy(false);
    }
  };

  const when = useWhen(now);

  return (
    <section className="team-panel" aria-labelledby="team-share-heading" data-testid="team-share">
      <h3 id="team-share-heading">{t('share.heading')}</h3>
      <p className="team-count" data-testid="team-unshared">
        {t('share.unshared', { count: status.unshared })}
      </p>
      {status.unshared === 0 && <p className="help">{t('share.allShared')}</p>}
      {status.waitingBatches > 0 && (
        <p className="help" data-testid="team-waiting">
          {t('share.waiting', { count: status.waitingBatches })}
        </p>
      )}
      <p className="help" data-testid="team-last-push">
        {status.lastPushAt === null
          ? t('share.neverShared')
          : t('share.lastShared', { when: when(status.lastPushAt) })}
      </p>
      {/* A failure of the click just made is said once, below the button. */}
      {status.lastPushError && message?.tone !== 'error' && (
        <p className="warning-text" data-testid="team-last-push-error">
          {t('share.lastError', {
            message: storedErrorText(
              { code: status.lastPushErrorCode, message: status.lastPushError },
              t,
            ),
          })}
        </p>
      )}
      <p className="help">{t('share.automatic')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void share()}
          data-testid="team-share-now"
        >
          {busy ? t('share.sharing') : t('share.now')}
        </button>
      </div>
      <OutcomeNotice outcome={message} testId="team-share" />
    </section>
  );
}
