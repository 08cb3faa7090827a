/**
 * One line in the popup when this installation shares with a team
 * (docs/TEAM-SYNC.md): how many events have not reached the team database
 * yet. Nothing at all when not connected, or connected as supervisor only
 * (a supervisor's own log is not what the team counts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../lib/db/database';
import { getTeamConnection } from '../../lib/team/connection';
import { getTeamStatus } from '../../lib/team/status';

export function TeamLine() {
  const { t } = useTranslation('popup');
  const status = useLiveQuery(async () => {
    const db = getDatabase();
    const connection = await getTeamConnection(db);
    if (!connection?.roles.includes('advisor')) return null;
    return getTeamStatus(db);
  }, []);
  if (!status) return null;
  return (
    <p className="team-line" data-testid="team-line">
      {status.unshared === 0 ? t('team.allShared') : t('team.unshared', { count: status.unshared })}
      {status.lastPushError && ` · ${t('team.lastFailed')}`}
    </p>
  );
}
