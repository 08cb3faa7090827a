/**
 * The dashboard's Team section (issue 19, docs/TEAM-SYNC.md): connect this
 * installation to the organisation's team database, or, once connected, see
 * who and where, what has not been shared yet, share now (advisors), fetch
 * and check the team's records and invite advisors (supervisors), and
 * disconnect. Connection and status are live queries on the database, so
 * sharing done by the background shows up without a reload.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import type { TeamConnection } from '../../../lib/team/connection';
import { getTeamConnection } from '../../../lib/team/connection';
import { getTeamStatus } from '../../../lib/team/status';
import { formatDateTime } from '../../shared/relative-time';
import { ConnectForm } from './connect-form';
import { FetchPanel } from './fetch-panel';
import { InvitePanel } from './invite-panel';
import { SharePanel } from './share-panel';
import type { TeamServices } from './team-services';
import { teamServices } from './team-services';
import './team.css';

/** Relative times ("5 minutes ago") move on while the section is open. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function databaseName(url: string): { host: string; name: string } {
  const parsed = new URL(url);
  return { host: parsed.host, name: decodeURIComponent(parsed.pathname.replace(/^\//, '')) };
}

function ConnectionFacts({ connection }: { connection: TeamConnection }) {
  const { t, i18n } = useTranslation('team');
  const { host, name } = databaseName(connection.url);
  return (
    <dl className="facts" data-testid="team-connection">
      <dt>{t('connected.user')}</dt>
      <dd data-testid="team-connected-user">{connection.user}</dd>
      <dt>{t('connected.roles')}</dt>
      <dd data-testid="team-connected-roles">
        {connection.roles.length === 0
          ? t('connected.noRole')
          : connection.roles.map((role) => t(`roles.${role}`)).join(', ')}
      </dd>
      <dt>{t('connected.database')}</dt>
      <dd data-testid="team-connected-database">{t('connected.where', { host, name })}</dd>
      <dt>{t('connected.since')}</dt>
      <dd>{formatDateTime(connection.connectedAt, i18n.language)}</dd>
    </dl>
  );
}

function Connected({
  connection,
  services,
}: {
  connection: TeamConnection;
  services: TeamServices;
}) {
  const { t } = useTranslation('team');
  const now = useNow();
  const status = useLiveQuery(() => getTeamStatus(getDatabase()), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const advisor = connection.roles.includes('advisor');
  const supervisor = connection.roles.includes('supervisor');

  const disconnect = async () => {
    if (!window.confirm(t('disconnect.confirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await services.disconnect();
    } catch (cause) {
      setError(
        t('disconnect.failed', {
          message: cause instanceof Error ? cause.message : String(cause),
        }),
      );
      setBusy(false);
    }
  };

  return (
    <>
      <section className="team-panel" aria-labelledby="team-connection-heading">
        <h3 id="team-connection-heading">{t('connected.heading')}</h3>
        <ConnectionFacts connection={connection} />
        {connection.roles.length === 0 && (
          <p className="warning-text">{t('connected.noRoleHelp')}</p>
        )}
      </section>
      {status && advisor && <SharePanel status={status} services={services} now={now} />}
      {status && supervisor && <FetchPanel status={status} services={services} now={now} />}
      {supervisor && <InvitePanel connection={connection} />}
      <section className="team-panel" aria-labelledby="team-disconnect-heading">
        <h3 id="team-disconnect-heading">{t('disconnect.heading')}</h3>
        <p className="help">{t('disconnect.help')}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void disconnect()}
            data-testid="team-disconnect"
          >
            {t('disconnect.button')}
          </button>
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}

export function TeamSection({ services = teamServices }: { services?: TeamServices }) {
  const { t } = useTranslation('team');
  // null: not connected; undefined: still reading.
  const connection = useLiveQuery(() => getTeamConnection(getDatabase()), []);
  return (
    <section aria-labelledby="team-heading" data-testid="section-team">
      <h2 id="team-heading">{t('heading')}</h2>
      <p className="help">{t('intro')}</p>
      {connection === undefined ? null : connection === null ? (
        <ConnectForm services={services} />
      ) : (
        <Connected connection={connection} services={services} />
      )}
    </section>
  );
}
