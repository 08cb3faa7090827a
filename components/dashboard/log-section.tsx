/**
 * Log & export: the advisor's (and imported) interaction log with filters,
 * exports to CSV, JSON and Excel with a progress bar (produced in chunks so
 * the page keeps responding), and the data-protection tools: retention
 * purge, data-subject export and erasure, delete everything.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_LANGUAGES } from '../../lib/domain/languages';
import { TOPICS } from '../../lib/domain/topics';
import type { CaseOutcome, LogEvent, LogEventType } from '../../lib/log/events';
import { CASE_OUTCOMES, LOG_EVENT_TYPES } from '../../lib/log/events';
import { loadOwnRegister } from '../../lib/groups/store';
import { buildLogExport, serialiseLogExport } from '../../lib/log/envelope';
import { exportCsv } from '../../lib/log/export-csv';
import type { ExportIncludes } from '../../lib/log/export-options';
import { DEFAULT_INCLUDES, prepareExportEvents, XLSX_MAX_ROWS } from '../../lib/log/export-options';
import { getAdvisorSigningKey, getExportPseudonymiser } from '../../lib/log/advisor-keys';
import { getDatabase } from '../../lib/db/database';
import type { LogFilter } from '../../lib/log/filter';
import { dayBoundary } from '../../lib/log/filter';
import { UNNAMED_ADVISOR } from '../../lib/log/store';
import { getSettings } from '../../lib/settings/settings';
import { downloadBlob, fileStamp } from './log/download';
import { LogMaintenance } from './log/log-maintenance';
import { LogStorageWarning } from './log/log-status';
import { useClaimStatements } from './log/use-claim-statements';
import { useLogEvents, useLoggedGroups } from './log/use-log-events';
import { ChipFilter } from './shared-ui/chip-filter';
import type { Labels } from './shared-ui/labels';
import { UNDETERMINED_LANGUAGE, useLabels } from './shared-ui/labels';
import { ScrollRegion } from './shared-ui/scroll-region';
import { TruncatedText } from './shared-ui/truncated-text';
import './log/log.css';

type ExportFormat = 'csv' | 'json' | 'xlsx';

interface FilterForm {
  from: string;
  to: string;
  groups: string[];
  languages: string[];
  topics: string[];
  types: LogEventType[];
  outcomes: CaseOutcome[];
}

const EMPTY_FORM: FilterForm = {
  from: '',
  to: '',
  groups: [],
  languages: [],
  topics: [],
  types: [],
  outcomes: [],
};

const RECENT_ROWS = 50;

export function toLogFilter(form: FilterForm): LogFilter {
  return { ...form, from: dayBoundary(form.from, false), to: dayBoundary(form.to, true) };
}

export function LogSection() {
  const { t, i18n } = useTranslation(['log', 'common']);
  const fromId = useId();
  const toId = useId();
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const [includes, setIncludes] = useState<ExportIncludes>(DEFAULT_INCLUDES);
  const [progress, setProgress] = useState<{ format: ExportFormat; done: number; total: number }>();
  const [message, setMessage] = useState<string>();
  const [advisor, setAdvisor] = useState('');
  const [showSeen, setShowSeen] = useState(false);
  const labels = useLabels();
  const claimStatements = useClaimStatements(i18n.language === 'de' ? 'de' : 'en');
  const filter = useMemo(() => toLogFilter(form), [form]);
  const events = useLogEvents(filter);
  const groups = useLoggedGroups();

  useEffect(() => {
    void getSettings().then((settings) => setAdvisor(settings.advisorPseudonym));
  }, []);

  // "Post seen" entries are most of a log and say little (UX review row 11): the table
  // leaves them out unless asked to, or unless the type filter asks for them.
  const seenShown = showSeen || form.types.includes('post-seen');
  const seenCount = useMemo(
    () => (events ?? []).reduce((count, event) => count + (event.type === 'post-seen' ? 1 : 0), 0),
    [events],
  );
  const recent = useMemo(
    () =>
      (events ?? [])
        .filter((event) => seenShown || event.type !== 'post-seen')
        .slice(-RECENT_ROWS)
        .reverse(),
    [events, seenShown],
  );
  const set =
    <K extends keyof FilterForm>(key: K) =>
    (value: FilterForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const runExport = async (format: ExportFormat) => {
    if (!events) return;
    setMessage(undefined);
    const onProgress = (done: number, total: number) => setProgress({ format, done, total });
    onProgress(0, events.length);
    const stamp = fileStamp();
    const who = (advisor || UNNAMED_ADVISOR).replace(/[^\p{L}\p{N}_-]+/gu, '-');
    try {
      const db = getDatabase();
      const pseudonymise = includes.rawIds ? undefined : await getExportPseudonymiser(db);
      if (format === 'csv') {
        const prepared = await prepareExportEvents(events, includes, pseudonymise);
        downloadBlob(
          await exportCsv(prepared, includes, onProgress),
          'text/csv;charset=utf-8',
          `outreach-log-${who}-${stamp}.csv`,
        );
      } else if (format === 'json') {
        const envelope = await buildLogExport(events, {
          advisor: advisor || UNNAMED_ADVISOR,
          includes,
          // The group register travels along (ids pseudonymised like the events'),
          // so a supervisor's funder report knows member counts and sectors.
          groups: await loadOwnRegister(db),
          signingKey: await getAdvisorSigningKey(db, advisor || UNNAMED_ADVISOR),
          pseudonymise,
          onProgress,
        });
        downloadBlob(
          [serialiseLogExport(envelope)],
          'application/json',
          `outreach-log-${who}-${stamp}.json`,
        );
      } else {
        const { exportXlsx, XLSX_MIME } = await import('../../lib/log/export-xlsx');
        const prepared = await prepareExportEvents(events, includes, pseudonymise);
        const data = await exportXlsx(prepared, includes, onProgress);
        downloadBlob(
          [data as Uint8Array<ArrayBuffer>],
          XLSX_MIME,
          `outreach-log-${who}-${stamp}.xlsx`,
        );
      }
      setMessage(t('export.done', { count: events.length }));
    } catch (error) {
      setMessage(
        t('common:error', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setProgress(undefined);
    }
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  });

  return (
    <section aria-labelledby="log-heading" data-testid="section-log">
      <h2 id="log-heading">{t('heading')}</h2>
      <LogStorageWarning />
      {advisor === '' && (
        <div className="notice" role="note" data-testid="log-no-pseudonym">
          <p>{t('noPseudonym')}</p>
        </div>
      )}

      <h3>{t('filters.heading')}</h3>
      <div className="filters">
        <div className="filter">
          <label htmlFor={fromId}>{t('filters.from')}</label>
          <input
            id={fromId}
            type="date"
            value={form.from}
            data-testid="filter-from"
            onChange={(e) => set('from')(e.target.value)}
          />
        </div>
        <div className="filter">
          <label htmlFor={toId}>{t('filters.to')}</label>
          <input
            id={toId}
            type="date"
            value={form.to}
            data-testid="filter-to"
            onChange={(e) => set('to')(e.target.value)}
          />
        </div>
        <ChipFilter
          label={t('filters.groups')}
          testId="filter-groups"
          options={groups ?? []}
          selected={form.groups}
          onChange={set('groups')}
        />
        <ChipFilter
          label={t('filters.languages')}
          testId="filter-languages"
          options={[
            ...POST_LANGUAGES.map((code) => ({
              value: code,
              label: labels.postLanguage(code),
            })).sort((a, b) => a.label.localeCompare(b.label, labels.language)),
            { value: UNDETERMINED_LANGUAGE, label: labels.postLanguage(UNDETERMINED_LANGUAGE) },
          ]}
          selected={form.languages}
          onChange={set('languages')}
        />
        <ChipFilter
          label={t('filters.topics')}
          testId="filter-topics"
          options={TOPICS.map((topic) => ({ value: topic, label: labels.topic(topic) })).sort(
            (a, b) => a.label.localeCompare(b.label, labels.language),
          )}
          selected={form.topics}
          onChange={set('topics')}
        />
        <ChipFilter
          label={t('filters.types')}
          testId="filter-types"
          options={LOG_EVENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          selected={form.types}
          onChange={(values) => set('types')(values as LogEventType[])}
        />
        <ChipFilter
          label={t('filters.outcomes')}
          testId="filter-outcomes"
          options={CASE_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t(`outcomes.${outcome}`),
          }))}
          selected={form.outcomes}
          onChange={(values) => set('outcomes')(values as CaseOutcome[])}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={() => setForm(EMPTY_FORM)} data-testid="filter-reset">
          {t('filters.reset')}
        </button>
        <span role="status" data-testid="log-count">
          {events === undefined ? t('common:loading') : t('count', { count: events.length })}
        </span>
      </div>

      <h3>{t('export.heading')}</h3>
      <fieldset className="includes">
        <legend>{t('export.includesLegend')}</legend>
        {(['postText', 'notes', 'authorHash', 'rawIds'] as const).map((key) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={includes[key]}
              data-testid={`include-${key}`}
              onChange={(e) => setIncludes((current) => ({ ...current, [key]: e.target.checked }))}
            />
            {t(`export.include.${key}`)}
          </label>
        ))}
        <p className="help">{t('export.includesHelp')}</p>
      </fieldset>
      <div className="actions">
        {(['csv', 'json', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="primary"
            disabled={
              !events ||
              events.length === 0 ||
              progress !== undefined ||
              (format === 'xlsx' && events.length > XLSX_MAX_ROWS)
            }
            onClick={() => void runExport(format)}
            data-testid={`export-${format}`}
          >
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
      {events && events.length > XLSX_MAX_ROWS && (
        <p className="help" data-testid="xlsx-too-many">
          {t('export.xlsxTooMany', { max: XLSX_MAX_ROWS.toLocaleString(i18n.language) })}
        </p>
      )}
      {progress && (
        <div className="progress">
          <label>
            {t('export.progress', { format: progress.format.toUpperCase() })}
            <progress
              value={progress.done}
              max={Math.max(1, progress.total)}
              data-testid="export-progress"
            />
          </label>
        </div>
      )}
      <p role="status" className="saved" data-testid="export-status">
        {message ?? ''}
      </p>

      <h3>{t('recent.heading', { count: recent.length })}</h3>
      <div className="seen-toggle">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={seenShown}
            disabled={form.types.includes('post-seen')}
            data-testid="log-show-seen"
            onChange={(e) => setShowSeen(e.target.checked)}
          />
          {t('recent.showSeen', { count: seenCount })}
        </label>
        {!seenShown && seenCount > 0 && (
          <p className="help" data-testid="log-seen-hidden">
            {t('recent.seenHidden', { count: seenCount })}
          </p>
        )}
      </div>
      {recent.length === 0 ? (
        <p className="help">{t('recent.empty')}</p>
      ) : (
        <ScrollRegion label={t('recent.tableLabel')}>
          <table className="log-table" data-testid="log-table">
            <thead>
              <tr>
                <th scope="col">{t('recent.time')}</th>
                <th scope="col">{t('recent.type')}</th>
                <th scope="col">{t('recent.group')}</th>
                <th scope="col">{t('recent.language')}</th>
                <th scope="col">{t('recent.topic')}</th>
                <th scope="col">{t('recent.detail')}</th>
                <th scope="col">{t('recent.advisor')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((event) => (
                <tr key={event.id} data-testid="log-row" data-type={event.type}>
                  <td className="nowrap">{dateFormat.format(event.at)}</td>
                  <td>{t(`types.${event.type}`)}</td>
                  <td className="log-group">
                    <TruncatedText text={event.groupName ?? event.groupId ?? '–'} />
                  </td>
                  <td>{event.language === null ? '–' : labels.postLanguage(event.language)}</td>
                  <td>{event.topic === null ? '–' : labels.topic(event.topic)}</td>
                  <td className="log-detail">{detailOf(event, t, labels, claimStatements)}</td>
                  <td>{labels.advisor(event.advisor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <LogMaintenance />
    </section>
  );
}

/** What an entry was about, by name: answer titles, claim statements, outcomes. */
function detailOf(
  event: LogEvent,
  t: (key: string) => string,
  labels: Labels,
  claims: ReadonlyMap<string, string>,
): string {
  switch (event.type) {
    case 'reply-inserted':
    case 'reply-copied':
      return `${labels.answer(event.answerId)}${event.edited ? ` (${t('recent.edited')})` : ''}`;
    case 'suggestions-shown':
      return event.answerIds.map(labels.answer).join(' · ');
    case 'not-relevant':
      return event.answerId === null ? '' : labels.answer(event.answerId);
    case 'referred':
      return event.referredTo;
    case 'claim-seen':
    case 'claim-corrected':
      return claims.get(event.claimId) ?? event.claimId;
    case 'note-added':
      return event.outcome === 'escalated' && event.escalation
        ? `${t(`outcomes.${event.outcome}`)}: ${t(`escalations.${event.escalation}`)}`
        : t(`outcomes.${event.outcome}`);
    default:
      return '';
  }
}
