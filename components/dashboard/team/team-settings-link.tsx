/**
 * The team connection as Settings mentions it: whether this browser shares
 * with a team database, and where that is managed (the Team section).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import { getTeamConnection } from '../../../lib/team/connection';

export function TeamSettingsLink() {
  const { t } = useTranslation('settings');
  // `undefined` while loading, `null` when not connected.
  const connection = useLiveQuery(() => getTeamConnection(getDatabase()), []);
  if (connection === undefined) return null;
  const url = connection ? new URL(connection.url) : null;
  return (
    <>
      <h3>{t('team.heading')}</h3>
      <p data-testid="settings-team">
        {connection && url
          ? t('team.connected', {
              database: decodeURIComponent(url.pathname.slice(1)),
              host: url.host,
              user: connection.user,
            })
          : t('team.notConnected')}{' '}
        <a href="#team">{t('team.manage')}</a>
      </p>
    </>
  );
}
