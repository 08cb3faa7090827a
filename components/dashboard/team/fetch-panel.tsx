/**
 * The supervisor's side of team sync: fetch the team's batches, check each
 * against the advisor keys trusted here, and count only those that pass.
 * The fetch runs on this page (like imports); progress is shown batch by
 * batch and Cancel stops it between batches. The table lists every batch
 * seen, with its status in words, so an uncounted batch is never silent.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import type { TeamBatchRecord } from '../../../lib/team/pull';
import { listTeamBatches } from '../../../lib/team/pull';
import type { TeamStatus } from '../../../lib/team/status';
import { formatDateTime } from '../../shared/relative-time';
import { useWhen } from './use-when';
import { ScrollRegion } from '../shared-ui/scroll-region';
import type { Outcome } from './outcome-notice';
import { OutcomeNotice } from './outcome-notice';
import { storedErrorText, teamErrorText } from './team-error';
import type { TeamServices } from './team-services';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : error instanceof Error && error.name === 'AbortError';
}

function BatchStatus({ batch }: { batch: TeamBatchRecord }) {
  const { t } = useTranslation('team');
  const tone = batch.status === 'counted' ? 'trust-trusted' : 'badge-danger';
  const uncountedTone = batch.status === 'unknown-signer' ? 'badge-warning' : tone;
  return (
    <>
      <span className={`badge ${uncountedTone}`} data-testid="team-batch-status">
        {t(`batches.status.${batch.status}`)}
      </span>
      {batch.status === 'unknown-signer' && (
        <span className="help team-batch-detail">
          {t('batches.unknownSignerHelp')} <a href="#stats">{t('batches.keysLink')}</a>
        </span>
      )}
      {(batch.status === 'refused' || batch.status === 'changed-on-server') && batch.reason && (
        <span className="help team-batch-detail" data-testid="team-batch-reason">
          {batch.reason}
        </span>
      )}
    </>
  );
}

function BatchTable({ batches }: { batches: readonly TeamBatchRecord[] }) {
  const { t, i18n } = useTranslation('team');
  const date = (iso: string | null) =>
    iso === null
      ? null
      : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const counted = batches.filter((batch) => batch.status === 'counted').length;
  return (
    <>
      <p className="help" data-testid="team-batch-summary">
        {t('batches.summary', { count: batches.length, counted })}
      </p>
      <ScrollRegion label={t('batches.tableLabel')}>
        <table className="log-table team-batches" data-testid="team-batches">
          <thead>
            <tr>
              <th scope="col">{t('batches.advisor')}</th>
              <th scope="col">{t('batches.status.heading')}</th>
              <th scope="col">{t('batches.period')}</th>
              <th scope="col">{t('batches.events')}</th>
              <th scope="col">{t('batches.shared')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => {
              const from = date(batch.from);
              const to = date(batch.to);
              return (
                <tr
                  key={batch.id}
                  data-testid="team-batch"
                  data-status={batch.status}
                  data-user={batch.user}
                >
                  <td>
                    {batch.advisor}
                    {batch.advisor !== batch.user && (
                      <span className="help team-batch-detail">
                        {t('batches.user', { user: batch.user })}
                      </span>
                    )}
                  </td>
                  <td>
                    <BatchStatus batch={batch} />
                  </td>
                  <td className="nowrap">
                    {from === null || to === null
                      ? t('batches.noPeriod')
                      : from === to
                        ? from
                        : t('batches.range', { from, to })}
                  </td>
                  <td>{new Intl.NumberFormat(i18n.language).format(batch.eventCount)}</td>
                  <td className="nowrap">
                    {formatDateTime(Date.parse(batch.pushedAt), i18n.language)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

export function FetchPanel({
  status,
  services,
  now,
}: {
  status: TeamStatus;
  services: TeamServices;
  now: number;
}) {
  const { t } = useTranslation('team');
  const batches = useLiveQuery(() => listTeamBatches(getDatabase()), []);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<Outcome>(null);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | null>(null);

  // Leaving the section stops a fetch that is still running.
  useEffect(() => () => controller.current?.abort(), []);

  const fetchRecords = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    setCancelling(false);
    setProgress({ done: 0, total: 0 });
    try {
      const result = await services.pull({
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      const notCounted = result.batches.filter((batch) => batch.status !== 'counted').length;
      setMessage({
        tone: notCounted > 0 ? 'warning' : 'success',
        text: [
          t('fetch.done', { count: result.newlyCounted, events: result.added }),
          notCounted > 0 ? t('fetch.notCounted', { count: notCounted }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (error) {
      setMessage(
        abort.signal.aborted || isAbort(error)
          ? { tone: 'success', text: t('fetch.cancelled') }
          : { tone: 'error', text: t('fetch.failed', { message: teamErrorText(error, t) }) },
      );
    } finally {
      if (controller.current === abort) controller.current = null;
      setProgress(null);
      setCancelling(false);
    }
  };

  const when = useWhen(now);

  return (
    <section className="team-panel" aria-labelledby="team-fetch-heading" data-testid="team-fetch">
      <h3 id="team-fetch-heading">{t('fetch.heading')}</h3>
      <p className="help">{t('fetch.intro')}</p>
      <p className="help" data-testid="team-last-pull">
        {status.lastPullAt === null
          ? t('fetch.never')
          : t('fetch.last', { when: when(status.lastPullAt) })}
      </p>
      {status.lastPullError && (
        <p className="warning-text" data-testid="team-last-pull-error">
          {t('fetch.lastError', {
            message: storedErrorText(
              { code: status.lastPullErrorCode, message: status.lastPullError },
              t,
            ),
          })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={progress !== null}
          onClick={() => void fetchRecords()}
          data-testid="team-fetch-now"
        >
          {progress !== null ? t('fetch.fetching') : t('fetch.now')}
        </button>
      </div>
      {progress !== null && (
        <div className="team-progress" data-testid="team-fetch-progress">
          <progress
            value={progress.done}
            max={Math.max(progress.total, 1)}
            aria-label={t('fetch.progressLabel')}
          />
          <p className="help" role="status">
            {progress.total === 0
              ? t('fetch.listing')
              : t('fetch.progress', { done: progress.done, total: progress.total })}
          </p>
          <button
            type="button"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              controller.current?.abort();
            }}
            data-testid="team-fetch-cancel"
          >
            {cancelling ? t('fetch.cancelling') : t('fetch.cancel')}
          </button>
        </div>
      )}
      <OutcomeNotice outcome={message} testId="team-fetch" />
      <p className="notice" data-testid="team-feeds">
        {t('fetch.feeds')} <a href="#stats">{t('fetch.links.stats')}</a> ·{' '}
        <a href="#groups">{t('fetch.links.groups')}</a> ·{' '}
        <a href="#trends">{t('fetch.links.trends')}</a> ·{' '}
        <a href="#report">{t('fetch.links.report')}</a>
      </p>
      <h4>{t('batches.heading')}</h4>
      {batches === undefined ? null : batches.length === 0 ? (
        <p className="help" data-testid="team-batches-none">
          {t('batches.none')}
        </p>
      ) : (
        <BatchTable batches={batches} />
      )}
    </section>
  );
}
