/**
 * "Invite advisors" (supervisors): the connection code that bundles the
 * database address and the team secret, to hand to each advisor along with
 * their own user name and password. It is folded away until asked for,
 * because whoever holds the secret can tell which posts the team's records
 * are about.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConnection } from '../../../lib/team/connection';
import { encodeConnectionCode } from '../../../lib/team/team-key';

export function InvitePanel({ connection }: { connection: TeamConnection }) {
  const { t } = useTranslation('team');
  const id = useId();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const code = encodeConnectionCode(connection.url, connection.secret);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="team-panel" aria-labelledby={`${id}-h`} data-testid="team-invite">
      <h3 id={`${id}-h`}>{t('invite.heading')}</h3>
      <p className="help">{t('invite.intro')}</p>
      <details className="team-code">
        <summary data-testid="team-invite-show">{t('invite.show')}</summary>
        <p className="warning-text">{t('invite.warning')}</p>
        <label htmlFor={`${id}-code`}>{t('invite.codeLabel')}</label>
        <textarea
          id={`${id}-code`}
          readOnly
          rows={3}
          spellCheck={false}
          value={code}
          onFocus={(event) => event.target.select()}
          data-testid="team-invite-code"
        />
        <div className="actions">
          <button type="button" onClick={() => void copy()} data-testid="team-invite-copy">
            {t('invite.copy')}
          </button>
          <span role="status" className="help">
            {copied === 'copied'
              ? t('invite.copied')
              : copied === 'failed'
                ? t('invite.copyFailed')
                : ''}
          </span>
        </div>
      </details>
    </section>
  );
}
