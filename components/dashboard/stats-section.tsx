/**
 * Statistics: key figures first (as tiles, with the change against the
 * period before where one was chosen), then posts, questions, replies and
 * outcomes per week; by language, topic and group; time from post to reply;
 * topics with many questions and few replies — over this advisor's log,
 * imported exports from other advisors, or both. Topics, languages and
 * groups are named in the UI language (components/dashboard/shared-ui/labels.ts).
 * Below the numbers: where to find the report to publish (the Funder report
 * section, whose suppression no total can undo), then the import of
 * advisors' JSON exports (each verified by checksum, merged by event id, with
 * a report of what was added) and the advisor keys.
 */
import { Fragment, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../lib/db/database';
import type { EventSource } from '../../lib/log/events';
import { CASE_OUTCOMES } from '../../lib/log/events';
import type { BreakdownRow } from '../../lib/log/stats';
import type { LogFilter } from '../../lib/log/filter';
import { dayBoundary } from '../../lib/log/filter';
import type { ImportRun } from '../../lib/log/import-client';
import { startImport } from '../../lib/log/import-client';
import type { ImportProgress } from '../../lib/log/import-messages';
import type { ImportReport } from '../../lib/log/merge';
import { removeImport } from '../../lib/log/merge';
import { listTrustedAdvisorKeys, toTrustedKeys } from '../../lib/log/advisor-keys';
import { retentionCutoff } from '../../lib/log/retention';
import { computeStatistics, ESCALATION_COUNT_KEYS } from '../../lib/log/stats';
import { getInstallationSecret } from '../../lib/privacy/author-hash';
import { getSettings } from '../../lib/settings/settings';
import { AdvisorKeys } from './log/advisor-keys';
import { HorizontalBarChart, WeekChart } from './log/bar-chart';
import { useClaimStatements } from './log/use-claim-statements';
import type { KeyFigures, Period } from './log/key-figures';
import { formatDuration, keyFigures, periodDays, previousPeriod } from './log/key-figures';
import { useImportRecords, useLogEvents } from './log/use-log-events';
import type { KpiChange } from './shared-ui/kpi-tile';
import { changeDirection, KpiGrid, KpiTile } from './shared-ui/kpi-tile';
import { isUnclassified, useLabels } from './shared-ui/labels';
import { ScrollRegion } from './shared-ui/scroll-region';
import './log/log.css';

type Scope = 'all' | EventSource;

const COLORS = { posts: '#1b5e9b', questions: '#f0a202', replied: '#2e7d32', replies: '#2e7d32' };
const OUTCOME_COLORS = ['#1b5e9b', '#6a4c93', '#2e7d32', '#b3261e', '#7b8794'];
/** The key lib/log/stats.ts gives posts without a group. */
const UNKNOWN_GROUP = 'unknown';
/** Bars per breakdown chart. */
const CHART_ROWS = 15;

/**
 * A breakdown's rows for a chart, named by `name`, with "not classified"
 * (and "group not recognised") last however many posts it has: it is what
 * is left over, not a finding (UX review row 12).
 */
export function chartRows(
  rows: readonly BreakdownRow[],
  name: (key: string, label: string) => string,
): { label: string; values: Record<string, number> }[] {
  const leftOver = (row: BreakdownRow) => isUnclassified(row.key) || row.key === UNKNOWN_GROUP;
  const known = rows.filter((row) => !leftOver(row));
  const unknown = rows.filter(leftOver);
  return [...known.slice(0, CHART_ROWS - unknown.length), ...unknown].map((row) => ({
    label: name(row.key, row.label),
    values: { posts: row.posts, questions: row.questions, replied: row.replied },
  }));
}

/** A run that failed as a whole (storage full, worker gone), shown like a refused file. */
function failureReport(reason: string): ImportReport {
  return {
    files: [{ fileName: '', status: 'refused', reason, code: 'invalid' }],
    added: 0,
    duplicates: 0,
    expired: 0,
    outOfRange: 0,
    refused: 1,
  };
}

export function StatsSection() {
  const { t, i18n } = useTranslation(['stats', 'log', 'common']);
  const claimStatements = useClaimStatements(i18n.language === 'de' ? 'de' : 'en');
  const fileId = useId();
  const fromId = useId();
  const toId = useId();
  const scopeId = useId();
  const [scope, setScope] = useState<Scope>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();
  const [notice, setNotice] = useState<string>();
  const [cancelling, setCancelling] = useState(false);
  const runRef = useRef<ImportRun>(undefined);
  const filter = useMemo(
    (): LogFilter => ({
      source: scope === 'all' ? null : scope,
      from: dayBoundary(from, false),
      to: dayBoundary(to, true),
    }),
    [scope, from, to],
  );
  // A running import writes in chunks; the statistics follow once it is done, rather than
  // re-reading and recounting the whole log on this thread after every chunk.
  const events = useLogEvents(filter, { paused: busy });
  const imports = useImportRecords() ?? [];
  const stats = useMemo(() => (events ? computeStatistics(events) : undefined), [events]);
  const labels = useLabels();
  const classifiedTopics = useMemo(
    () => (stats?.byTopic ?? []).filter((row) => !isUnclassified(row.key)),
    [stats],
  );
  const unclassifiedPosts = (stats?.byTopic ?? [])
    .filter((row) => isUnclassified(row.key))
    .reduce((sum, row) => sum + row.posts, 0);

  // The period before, of equal length, for the tiles' changes: only when a start was
  // chosen (otherwise the selection begins with the first entry, and nothing precedes it).
  const period = useMemo((): Period | null => {
    const start = dayBoundary(from, false);
    if (start === null) return null;
    const end = dayBoundary(to, true) ?? dayBoundary(todayInput(), true) ?? start;
    return end >= start ? { from: start, to: end } : null;
  }, [from, to]);
  const previousFilter = useMemo(
    (): LogFilter => ({
      source: scope === 'all' ? null : scope,
      ...(period ? previousPeriod(period) : { from: 0, to: 0 }),
    }),
    [scope, period],
  );
  const previousEvents = useLogEvents(previousFilter, { paused: busy || period === null });
  const figures = useMemo(() => (stats ? keyFigures(stats) : undefined), [stats]);
  const previousFigures = useMemo(
    () =>
      period && previousEvents && previousEvents.length > 0
        ? keyFigures(computeStatistics(previousEvents))
        : null,
    [period, previousEvents],
  );
  const comparison = !period
    ? t('kpi.compareHint')
    : previousFigures
      ? t('kpi.comparedWith', {
          from: shortDate(previousPeriod(period).from, i18n.language),
          to: shortDate(previousPeriod(period).to, i18n.language),
          count: periodDays(period),
        })
      : t('kpi.nothingBefore', { count: periodDays(period) });

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // Copied now: the input is cleared (and its FileList with it) right after this call starts.
    const chosen = [...files];
    setBusy(true);
    setNotice(undefined);
    try {
      const { retentionDays, storePostText } = await getSettings();
      const db = getDatabase();
      // Reading, verifying and merging run in a worker (docs/ARCHITECTURE.md#log-import-worker),
      // so the dashboard stays responsive; the worker checks sizes before it reads a file.
      const run = startImport(
        chosen,
        {
          now: Date.now(),
          retentionCutoff: retentionCutoff(Date.now(), retentionDays),
          storePostText,
          trusted: toTrustedKeys(await listTrustedAdvisorKeys(db)),
          secret: await getInstallationSecret(db),
        },
        setProgress,
      );
      runRef.current = run;
      const outcome = await run.outcome;
      if (outcome.kind === 'done') setReport(outcome.report);
      else if (outcome.kind === 'cancelled') setNotice(t('import.cancelled'));
      else setReport(failureReport(outcome.message));
    } catch (error) {
      setReport(failureReport(error instanceof Error ? error.message : String(error)));
    } finally {
      runRef.current = undefined;
      setCancelling(false);
      setBusy(false);
      setProgress(undefined);
    }
  };

  const breakdownSeries = [
    { id: 'posts', label: t('series.posts'), color: COLORS.posts },
    { id: 'questions', label: t('series.questions'), color: COLORS.questions },
    { id: 'replied', label: t('series.replied'), color: COLORS.replied },
  ];
  const toRows = chartRows;
  const weekLabel = (weekStart: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(Date.parse(weekStart));

  return (
    <section aria-labelledby="stats-heading" data-testid="section-stats">
      <h2 id="stats-heading">{t('heading')}</h2>

      <h3>{t('scope.heading')}</h3>
      <div className="filters">
        <div className="filter">
          <label htmlFor={scopeId}>{t('scope.label')}</label>
          <select
            id={scopeId}
            value={scope}
            data-testid="stats-scope"
            onChange={(e) => setScope(e.target.value as Scope)}
          >
            <option value="all">{t('scope.all')}</option>
            <option value="local">{t('scope.local')}</option>
            <option value="import">{t('scope.import')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor={fromId}>{t('log:filters.from')}</label>
          <input id={fromId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="filter">
          <label htmlFor={toId}>{t('log:filters.to')}</label>
          <input id={toId} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>

      {!stats ? (
        <p>{t('common:loading')}</p>
      ) : stats.totals.events === 0 ? (
        <p className="help" data-testid="stats-empty">
          {t('empty')}
        </p>
      ) : (
        <>
          <KeyFigureTiles figures={figures} previous={previousFigures} comparison={comparison} />

          <h3>{t('charts.weeks')}</h3>
          <WeekChart
            title={t('charts.weeks')}
            testId="chart-weeks"
            formatLabel={weekLabel}
            series={[
              { id: 'posts', label: t('series.posts'), color: COLORS.posts },
              { id: 'questions', label: t('series.questions'), color: COLORS.questions },
              { id: 'replies', label: t('series.replies'), color: COLORS.replies },
            ]}
            rows={stats.weeks.map((week) => ({
              label: week.weekStart,
              values: { posts: week.postsSeen, questions: week.questions, replies: week.replies },
            }))}
          />
          <h3>{t('charts.outcomesPerWeek')}</h3>
          <WeekChart
            title={t('charts.outcomesPerWeek')}
            testId="chart-outcomes-weeks"
            formatLabel={weekLabel}
            series={CASE_OUTCOMES.map((outcome, index) => ({
              id: outcome,
              label: t(`log:outcomes.${outcome}`),
              color: OUTCOME_COLORS[index] ?? '#000',
            }))}
            rows={stats.weeks.map((week) => ({ label: week.weekStart, values: week.outcomes }))}
          />
          {stats.outcomes.escalated > 0 && (
            <>
              <h3>{t('charts.escalations')}</h3>
              <dl className="facts" data-testid="stats-escalations">
                {ESCALATION_COUNT_KEYS.filter(
                  (kind) => kind !== 'unspecified' || stats.escalations.unspecified > 0,
                ).map((kind) => (
                  <Fragment key={kind}>
                    <dt>{t(`log:escalations.${kind}`)}</dt>
                    <dd data-testid={`escalations-${kind}`}>{stats.escalations[kind]}</dd>
                  </Fragment>
                ))}
              </dl>
            </>
          )}
          {stats.claims.length > 0 && (
            <>
              <h3>{t('claims.heading')}</h3>
              <p className="help">{t('claims.help')}</p>
              <ScrollRegion label={t('claims.heading')}>
                <table className="log-table" data-testid="stats-claims">
                  <thead>
                    <tr>
                      <th scope="col">{t('claims.claim')}</th>
                      <th scope="col">{t('claims.seen')}</th>
                      <th scope="col">{t('claims.corrected')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.claims.map((row) => (
                      <tr key={row.claimId} data-claim={row.claimId}>
                        <th scope="row">
                          {claimStatements.get(row.claimId) ?? row.claimId}
                          {claimStatements.has(row.claimId) && (
                            <span className="help claim-id"> ({row.claimId})</span>
                          )}
                        </th>
                        <td data-testid="claim-seen">{row.seen}</td>
                        <td data-testid="claim-corrected">{row.corrected}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
          <h3>{t('charts.languages')}</h3>
          <HorizontalBarChart
            title={t('charts.languages')}
            testId="chart-languages"
            series={breakdownSeries}
            rows={toRows(stats.byLanguage, (key) => labels.postLanguage(key))}
          />
          <h3>{t('charts.topics')}</h3>
          {/* Posts no entry classified (most were only seen) are a note, not a bar that
              dwarfs every topic (UX review row 12). */}
          {classifiedTopics.length > 0 && (
            <HorizontalBarChart
              title={t('charts.topics')}
              testId="chart-topics"
              series={breakdownSeries}
              rows={toRows(classifiedTopics, (key) => labels.topic(key))}
            />
          )}
          {unclassifiedPosts > 0 && (
            <p className="help" data-testid="topics-unclassified">
              {t('charts.unclassified', {
                count: unclassifiedPosts,
                label: labels.topic(null),
              })}
            </p>
          )}
          <h3>{t('charts.groups')}</h3>
          <HorizontalBarChart
            title={t('charts.groups')}
            testId="chart-groups"
            series={breakdownSeries}
            rows={toRows(stats.byGroup, (key, label) =>
              key === UNKNOWN_GROUP ? t('dashboard:labels.unknownGroup') : label,
            )}
          />

          <h3>{t('underserved.heading')}</h3>
          {stats.underserved.length === 0 ? (
            <p className="help">{t('underserved.none')}</p>
          ) : (
            <ul data-testid="underserved">
              {stats.underserved.map((row) => (
                <li key={row.topic}>
                  {t('underserved.row', {
                    topic: labels.topic(row.topic),
                    questions: row.questions,
                    rate: Math.round(row.replyRate * 100),
                  })}
                </li>
              ))}
            </ul>
          )}

          <p className="notice" data-testid="report-pointer">
            {t('report.pointer')} <a href="#report">{t('report.pointerLink')}</a>
          </p>
        </>
      )}

      <h3>{t('import.heading')}</h3>
      <p className="help">{t('import.help')}</p>
      <div className="actions">
        <label className="file-button" htmlFor={fileId}>
          {busy ? t('common:loading') : t('import.choose')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          multiple
          disabled={busy}
          data-testid="import-files"
          onChange={(event) => {
            void importFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {progress && (
        <div className="import-progress" data-testid="import-progress-panel">
          <progress
            value={progress.merged}
            max={Math.max(progress.total, 1)}
            aria-label={t('import.progress')}
            data-testid="import-progress"
          />
          <p className="help" role="status" data-testid="import-progress-text">
            {t('import.progressText', {
              read: progress.eventsRead,
              filesRead: progress.filesRead,
              files: progress.files,
              merged: progress.merged,
              total: progress.total,
            })}
          </p>
          <button
            type="button"
            disabled={cancelling}
            data-testid="import-cancel"
            onClick={() => {
              setCancelling(true);
              runRef.current?.cancel();
            }}
          >
            {cancelling ? t('import.cancelling') : t('import.cancel')}
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="import-cancelled">
          {notice}
        </p>
      )}
      {report && (
        <div className="notice" role="status" data-testid="import-report">
          <strong>
            {t('import.summary', {
              added: report.added,
              duplicates: report.duplicates,
              refused: report.refused,
            })}
          </strong>
          {report.expired > 0 && <p>{t('import.expired', { count: report.expired })}</p>}
          {report.outOfRange > 0 && <p>{t('import.outOfRange', { count: report.outOfRange })}</p>}
          <ul>
            {report.files.map((file, index) => (
              <li
                key={`${file.fileName}-${index}`}
                data-status={file.status}
                data-verification={file.status === 'merged' ? file.verification.status : undefined}
              >
                {file.status === 'merged'
                  ? `${t('import.fileMerged', {
                      file: file.fileName,
                      advisor: file.advisor,
                      added: file.added,
                      duplicates: file.duplicates,
                    })} ${t(`import.verification.${file.verification.status}`, {
                      signer:
                        file.verification.status === 'verified'
                          ? file.verification.trustedAs
                          : file.verification.status === 'unknown-signer'
                            ? file.verification.signer
                            : '',
                    })}`
                  : t('import.fileRefused', { file: file.fileName, reason: file.reason })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {imports.length > 0 && (
        <ScrollRegion label={t('import.tableLabel')}>
          <table className="log-table" data-testid="imports-table">
            <thead>
              <tr>
                <th scope="col">{t('import.advisor')}</th>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.events')}</th>
                <th scope="col">{t('import.signature')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('import.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((record) => (
                <tr key={record.id}>
                  <td>{record.advisor}</td>
                  <td>{record.fileName}</td>
                  <td>
                    {record.interrupted ? (
                      // While this dashboard imports, the record being written is marked too.
                      <span
                        className={busy ? undefined : 'import-interrupted'}
                        data-testid="import-interrupted"
                      >
                        {t(busy ? 'import.inProgress' : 'import.interrupted', {
                          added: record.added,
                          total: record.eventCount,
                        })}
                      </span>
                    ) : (
                      t('import.eventsKept', { added: record.added, total: record.eventCount })
                    )}
                  </td>
                  <td>{t(`import.recordVerification.${record.verification ?? 'unverified'}`)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void removeImport(getDatabase(), record.id)}
                    >
                      {t('import.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <AdvisorKeys />
    </section>
  );
}

function todayInput(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function shortDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(ms);
}

/**
 * The change of one figure against the period before, in words. `better` says which
 * direction is good news (null: neither, e.g. more posts seen).
 */
function changeOf(
  current: number | null,
  previous: number | null | undefined,
  format: (delta: number) => string,
  better: 'up' | 'down' | null,
  t: TFunction,
): KpiChange | null {
  if (current === null || previous === null || previous === undefined) return null;
  const direction = changeDirection(current, previous);
  return {
    direction,
    text:
      direction === 'flat'
        ? t('stats:kpi.unchanged')
        : t('stats:kpi.change', { delta: format(current - previous) }),
    tone:
      better === null || direction === 'flat' ? 'neutral' : direction === better ? 'good' : 'bad',
  };
}

function KeyFigureTiles({
  figures,
  previous,
  comparison,
}: {
  figures: KeyFigures | undefined;
  previous: KeyFigures | null;
  comparison: string;
}) {
  const { t, i18n } = useTranslation(['stats', 'dashboard']);
  if (!figures) return null;
  const language = i18n.language;
  const number = (value: number) => value.toLocaleString(language);
  const signed = new Intl.NumberFormat(language, { signDisplay: 'exceptZero' });
  const countDelta = (base: number | undefined) => (delta: number) =>
    base
      ? `${signed.format(delta)} (${new Intl.NumberFormat(language, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(delta / base)})`
      : signed.format(delta);
  const percent = (share: number) =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const myths = figures.mythsCorrected.posts + figures.mythsCorrected.comments;
  const previousMyths = previous
    ? previous.mythsCorrected.posts + previous.mythsCorrected.comments
    : null;
  return (
    <>
      <KpiGrid label={t('dashboard:kpi.label')} testId="stats-totals">
        <KpiTile
          testId="kpi-posts"
          label={t('totals.posts')}
          value={number(figures.posts)}
          valueTestId="total-posts"
          change={changeOf(figures.posts, previous?.posts, countDelta(previous?.posts), null, t)}
        />
        <KpiTile
          testId="kpi-questions"
          label={t('totals.questions')}
          value={number(figures.questions)}
          hint={
            figures.posts > 0
              ? t('kpi.questionsShare', { share: percent(figures.questions / figures.posts) })
              : undefined
          }
          change={changeOf(
            figures.questions,
            previous?.questions,
            countDelta(previous?.questions),
            null,
            t,
          )}
        />
        <KpiTile
          testId="kpi-answered"
          label={t('kpi.answered')}
          value={figures.answeredShare === null ? '–' : percent(figures.answeredShare)}
          hint={t('kpi.answeredOf', {
            answered: number(figures.answeredQuestions),
            count: figures.questions,
          })}
          change={changeOf(
            figures.answeredShare === null ? null : Math.round(figures.answeredShare * 100),
            previous?.answeredShare === null || previous === null
              ? null
              : Math.round(previous.answeredShare * 100),
            (delta) => t('kpi.points', { delta: signed.format(delta), count: Math.abs(delta) }),
            'up',
            t,
          )}
        />
        <KpiTile
          testId="kpi-time-to-reply"
          label={t('kpi.medianTime')}
          value={
            figures.medianMinutesToReply === null
              ? '–'
              : formatDuration(figures.medianMinutesToReply, language)
          }
          hint={figures.medianMinutesToReply === null ? t('kpi.noTimes') : undefined}
          change={changeOf(
            figures.medianMinutesToReply,
            previous?.medianMinutesToReply,
            (delta) => formatDuration(delta, language, true),
            'down',
            t,
          )}
        />
        <KpiTile
          testId="kpi-referrals"
          label={t('kpi.referrals')}
          value={number(figures.referrals)}
          change={changeOf(
            figures.referrals,
            previous?.referrals,
            countDelta(previous?.referrals),
            null,
            t,
          )}
        />
        <KpiTile
          testId="kpi-myths"
          label={t('kpi.myths')}
          value={number(myths)}
          hint={t('kpi.mythsParts', {
            posts: number(figures.mythsCorrected.posts),
            comments: number(figures.mythsCorrected.comments),
          })}
          change={changeOf(myths, previousMyths, countDelta(previousMyths ?? undefined), null, t)}
        />
        <KpiTile
          testId="kpi-documented"
          label={t('totals.documented')}
          value={number(figures.documented)}
          hint={t('kpi.advisors', { count: figures.advisors })}
          change={changeOf(
            figures.documented,
            previous?.documented,
            countDelta(previous?.documented),
            null,
            t,
          )}
        />
      </KpiGrid>
      <p className="help kpi-comparison" data-testid="kpi-comparison">
        {comparison}
      </p>
    </>
  );
}
