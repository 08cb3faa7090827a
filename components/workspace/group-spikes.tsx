/**
 * "Questions are rising in this group": the spikes of the group's questions
 * this week or last, in total or by topic (docs/MONITORING.md#trends-and-spikes),
 * so an advisor sees where the group needs attention before the queue shows
 * it. Asked once per group; nothing is shown when nothing rose.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { GroupSpike } from '../../lib/log/group-spikes';
import type { WorkspaceActions } from './actions';

export function GroupSpikes({
  groupId,
  actions,
}: {
  groupId: string | null;
  actions: Pick<WorkspaceActions, 'loadGroupSpikes'>;
}) {
  const { t, i18n } = useTranslation(['workspace', 'topics']);
  const [spikes, setSpikes] = useState<{ groupId: string; spikes: GroupSpike[] } | null>(null);

  useEffect(() => {
    if (groupId === null) return;
    let cancelled = false;
    actions.loadGroupSpikes(groupId).then(
      (found) => !cancelled && setSpikes({ groupId, spikes: found }),
      // A hint, not a feature the advisor waits for: a failure shows nothing.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [groupId, actions]);

  const current = spikes && spikes.groupId === groupId ? spikes.spikes : [];
  if (current.length === 0) return null;
  const format = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="notice spikes-hint" data-testid="group-spikes">
      <p>
        <strong>{t('spikes.title')}</strong>
      </p>
      <ul>
        {current.map((spike) => (
          <li key={`${spike.topic ?? 'all'}-${spike.weekStart}`}>
            {t('spikes.line', {
              what: spike.topic === null ? t('spikes.all') : t(`topics:${spike.topic}`),
              count: spike.count,
              week: format.format(new Date(`${spike.weekStart}T00:00:00Z`)),
              expected: number.format(spike.expected),
            })}
          </li>
        ))}
      </ul>
      <p>
        <a href={browser.runtime.getURL('/options.html#trends')} target="_blank" rel="noreferrer">
          {t('spikes.more')}
        </a>
      </p>
    </div>
  );
}
