/**
 * One line in the popup when this installation shares with a team
 * (docs/TEAM-SYNC.md): how many events have not reached the team database
 * yet. Nothing at all when not connected, or connected as supervisor only
 * (a supervisor's own log is not what the team counts).
 *
 * The background answers (`getTeamShareStatus`), so the popup does not load
 * the database code for one line; it asks again every few seconds while open.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '../../lib/messaging/send';
import type { TeamShareStatus } from '../../lib/team/messages';

const REFRESH_MS = 3000;

export function TeamLine({
  load = () => sendMessage('getTeamShareStatus', {}),
  refreshMs = REFRESH_MS,
}: {
  load?: () => Promise<TeamShareStatus>;
  refreshMs?: number;
}) {
  const { t } = useTranslation('popup');
  const [status, setStatus] = useState<TeamShareStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      load().then(
        (answer) => live && setStatus(answer),
        // No answer (the worker is starting): the line stays as it was.
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, refreshMs]);
  if (!status?.advisor) return null;
  return (
    <p className="team-line" data-testid="team-line">
      {status.unshared === 0 ? t('team.allShared') : t('team.unshared', { count: status.unshared })}
      {status.lastPushFailed && ` · ${t('team.lastFailed')}`}
    </p>
  );
}
