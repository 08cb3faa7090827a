/** What the workspace says when it has no posts to show, and why. */
import { useTranslation } from 'react-i18next';

export type EmptyReason =
  | 'pending'
  | 'no-tab'
  | 'connecting'
  | 'unreachable-facebook'
  | 'unreachable-other'
  | 'not-a-group'
  | 'excluded'
  | 'no-posts';

export function EmptyState({ reason }: { reason: EmptyReason }) {
  const { t } = useTranslation('workspace');
  const busy = reason === 'pending' || reason === 'connecting';
  return (
    <div className="empty" data-testid="empty-state" data-reason={reason}>
      <p role={busy ? 'status' : undefined}>{t(`empty.${reason}`)}</p>
    </div>
  );
}
