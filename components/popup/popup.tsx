import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { TabState } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/send';
import { CopyDiagnosticReport, GroupInclusion } from './group-status';
import { OpenWorkspaceButton } from './open-workspace';
import { TeamLine } from './team-line';

type TabStatus = { kind: 'checking' } | { kind: 'inactive' } | { kind: 'active'; state: TabState };

async function loadActiveTabStatus(): Promise<{ status: TabStatus; windowId: number | null }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const windowId = tab?.windowId ?? null;
  if (tab?.id === undefined) return { status: { kind: 'inactive' }, windowId };
  const state = await sendMessage('getTabState', { tabId: tab.id });
  return { status: state ? { kind: 'active', state } : { kind: 'inactive' }, windowId };
}

function ActiveTab({ state, onChanged }: { state: TabState; onChanged: () => void }) {
  const { t } = useTranslation('popup');
  const { page } = state;
  return (
    <div data-testid="tab-status" data-page-kind={page.pageKind}>
      <p className="kind">{t(`pageKind.${page.pageKind}`)}</p>
      {page.pageKind !== 'other' && (
        <p>
          {t('group')}: <strong>{page.groupName ?? page.groupId ?? t('groupUnknown')}</strong>
        </p>
      )}
      {page.pageKind !== 'other' && <GroupInclusion page={page} onChanged={onChanged} />}
      {!page.groupIncluded ? null : page.feedFound && page.postsRecognised === 0 ? (
        <p className="warning" role="alert" data-testid="health-warning">
          {t('noPostsWarning')}
        </p>
      ) : page.postsRecognised > 0 ? (
        <>
          <p data-testid="posts-recognised">
            {t('postsRecognised', { count: page.postsRecognised })}
          </p>
          {page.work && page.work.questions > 0 && <WorkMeter work={page.work} />}
        </>
      ) : page.pageKind !== 'other' ? (
        <p>{t('waitingForFeed')}</p>
      ) : null}
      {(page.unsavedEvents ?? 0) > 0 && (
        <p className="warning" role="alert" data-testid="unsaved-events">
          {t('unsavedEvents', { count: page.unsavedEvents })}
        </p>
      )}
    </div>
  );
}

type Work = NonNullable<TabState['page']['work']>;

/** Open and answered questions on this page, as words and as a small meter. */
function WorkMeter({ work }: { work: Work }) {
  const { t } = useTranslation('popup');
  const open = Math.max(0, work.questions - work.answered - work.notRelevant);
  return (
    <div className="work" data-testid="work-counts">
      <p>
        <strong data-testid="work-open">{t('work.open', { count: open })}</strong>
        {' · '}
        <span data-testid="work-answered">{t('work.answered', { count: work.answered })}</span>
      </p>
      <meter
        min={0}
        max={work.questions}
        value={work.answered}
        aria-label={t('work.meter', { answered: work.answered, questions: work.questions })}
      />
    </div>
  );
}

export function Popup() {
  const { t } = useTranslation(['popup', 'common']);
  const [status, setStatus] = useState<TabStatus>({ kind: 'checking' });
  const [windowId, setWindowId] = useState<number | null>(null);

  const [revision, setRevision] = useState(0);

  useEffect(() => {
    loadActiveTabStatus().then(
      (loaded) => {
        setStatus(loaded.status);
        setWindowId(loaded.windowId);
      },
      () => setStatus({ kind: 'inactive' }),
    );
  }, [revision]);

  return (
    <div className="popup">
      <h1>{t('common:appName')}</h1>
      <OpenWorkspaceButton windowId={windowId} />
      {status.kind === 'checking' && <p>{t('checking')}</p>}
      {status.kind === 'inactive' && <p data-testid="not-active">{t('notActive')}</p>}
      {status.kind === 'active' && (
        <ActiveTab state={status.state} onChanged={() => setRevision((value) => value + 1)} />
      )}
      <TeamLine />
      <button
        type="button"
        className="secondary"
        data-testid="open-dashboard"
        onClick={() => {
          void browser.runtime.openOptionsPage();
          window.close();
        }}
      >
        {t('openDashboard')}
      </button>
      {status.kind === 'active' &&
        status.state.page.pageKind !== 'other' &&
        status.state.page.groupIncluded && <CopyDiagnosticReport state={status.state} />}
    </div>
  );
}
