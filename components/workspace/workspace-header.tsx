/** The workspace's top line: the group, the counts, and "Next open question". */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueCounts } from './queue';

export function WorkspaceHeader({
  groupName,
  counts,
  onNext,
  nextRef,
  nextMessage,
  unsaved,
}: {
  groupName: string | null;
  counts: QueueCounts | null;
  onNext(): void;
  nextRef: Ref<HTMLButtonElement>;
  nextMessage: string | null;
  unsaved: number;
}) {
  const { t } = useTranslation('workspace');
  return (
    // Inside the workspace's <header> (the banner landmark).
    <div className="ws-header">
      <p className="group" data-testid="group-name">
        {groupName ?? t('header.noGroup')}
      </p>
      {counts && (
        <p className="counts" data-testid="queue-counts">
          {t('header.counts', {
            open: counts.openQuestions,
            answered: counts.answered,
            total: counts.total,
          })}
        </p>
      )}
      {counts && (
        <button
          ref={nextRef}
          type="button"
          className="primary"
          onClick={onNext}
          aria-keyshortcuts="n"
          data-testid="next-open"
        >
          {t('nextOpen')}
        </button>
      )}
      <p role="status" className="hint" data-testid="next-status">
        {nextMessage ?? ''}
      </p>
      {unsaved > 0 && (
        <p role="alert" className="status warn" data-testid="unsaved">
          {t('header.unsaved', { count: unsaved })}
        </p>
      )}
    </div>
  );
}
