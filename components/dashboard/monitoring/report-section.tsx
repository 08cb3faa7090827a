/**
 * The funder report (docs/MONITORING.md#funder-report): spaces, members
 * reached, questions, answers, referrals, myths corrected and escalations
 * for a month, a quarter or chosen days, over the whole log (own and merged
 * exports) and the group register. Small counts are hidden with
 * complementary suppression (threshold from Settings). The page prints as
 * the report (print CSS); CSV and Excel hold the same tables, named in the
 * UI language, never with an id.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import { mergeGroupRegisterEntries } from '../../../lib/groups/register';
import { loadOwnRegister } from '../../../lib/groups/store';
import type { LogFilter } from '../../../lib/log/filter';
import type { FunderReportLabels, ReportPeriod } from '../../../lib/log/funder-report';
import {
  buildFunderReport,
  customPeriod,
  DEFAULT_MIN_COUNT,
  periodFor,
} from '../../../lib/log/funder-report';
import type { FunderWording } from '../../../lib/log/funder-report-render';
import {
  funderLookupsFromPacks,
  funderReportSections,
  renderFunderReportCsv,
  renderFunderReportXlsx,
} from '../../../lib/log/funder-report-render';
import { PackStore } from '../../../lib/packs/store';
import type { Pack } from '../../../lib/packs/schema';
import { getSettings, watchSettings } from '../../../lib/settings/settings';
import { downloadBlob, fileStamp } from '../log/download';
import { useLogEvents } from '../log/use-log-events';
import { KpiGrid, KpiTile } from '../shared-ui/kpi-tile';
import { useLabels } from '../shared-ui/labels';
import { ScrollRegion } from '../shared-ui/scroll-region';
import './monitoring.css';

const ALL_EVENTS: LogFilter = {};
type Kind = 'quarter' | 'month' | 'custom';

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}
/** The last eight quarters, newest first. */
function recentQuarters(now = new Date()): string[] {
  const quarters: string[] = [];
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 8; i += 1) {
    quarters.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

function useRegisterEntries() {
  return useLiveQuery(async () => {
    const db = getDatabase();
    const [own, imported] = await Promise.all([loadOwnRegister(db), db.importedGroups.toArray()]);
    return mergeGroupRegisterEntries([
      ...own,
      ...imported.map(({ importId: _importId, key: _key, ...entry }) => entry),
    ]);
  }, []);
}

function usePacks(): readonly Pack[] {
  const [packs, setPacks] = useState<readonly Pack[]>([]);
  useEffect(() => {
    let cancelled = false;
    void new PackStore(getDatabase())
      .activePacks()
      .then((active) => {
        if (!cancelled) setPacks(active);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return packs;
}

function useMinCount(): number {
  const [minCount, setMinCount] = useState(DEFAULT_MIN_COUNT);
  useEffect(() => {
    void getSettings().then((settings) => setMinCount(settings.reportMinCount));
    return watchSettings((settings) => setMinCount(settings.reportMinCount));
  }, []);
  return minCount;
}

export function ReportSection() {
  const { t, i18n } = useTranslation(['monitoring', 'log', 'topics']);
  const id = useId();
  const labels = useLabels();
  const events = useLogEvents(ALL_EVENTS);
  const groups = useRegisterEntries();
  const packs = usePacks();
  const minCount = useMinCount();
  const [kind, setKind] = useState<Kind>('quarter');
  const [quarter, setQuarter] = useState(currentQuarter);
  const [month, setMonth] = useState(currentMonth);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const period = useMemo((): ReportPeriod | string => {
    try {
      if (kind === 'quarter') return periodFor(quarter);
      if (kind === 'month') return periodFor(month);
      return customPeriod(from || null, to || null);
    } catch {
      return t('report.badPeriod');
    }
  }, [kind, quarter, month, from, to, t]);

  const wording = useMemo(
    (): FunderWording =>
      t('report.wording', {
        returnObjects: true,
        max: minCount - 1,
        period: typeof period === 'string' ? '' : period.label,
      }) as FunderWording,
    [t, minCount, period],
  );
  const reportLabels = useMemo(
    (): FunderReportLabels => ({
      language: (code) => labels.postLanguage(code),
      topic: (topic) => labels.topic(topic),
      sector: (sector) => wording.sectors[sector],
      referralType: (type) => t(`report.referralTypes.${type}`, { defaultValue: type }),
      escalation: (kind) => t(`log:escalations.${kind}`, { defaultValue: kind }),
    }),
    [labels, t, wording],
  );
  const report = useMemo(() => {
    if (!events || !groups || typeof period === 'string') return undefined;
    const lookups = funderLookupsFromPacks(packs, i18n.language);
    return buildFunderReport({
      events,
      groups,
      from: period.from,
      to: period.to,
      label: period.label,
      minCount,
      referralKinds: lookups.referralKinds,
      claimLabels: lookups.claimLabels,
      labels: reportLabels,
    });
  }, [events, groups, period, packs, minCount, reportLabels, i18n.language]);
  const sections = useMemo(
    () => (report ? funderReportSections(report, wording) : []),
    [report, wording],
  );

  const number = new Intl.NumberFormat(i18n.language);
  const shown = (cell: number | null) => (cell === null ? `<${minCount}` : number.format(cell));
  const fileName = (extension: string) =>
    `outreach-advisor-report-${report?.period.label.replace(/[^0-9A-Za-z-]+/g, '_') ?? ''}-${fileStamp()}.${extension}`;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="monitoring funder-report"
      data-testid="section-report"
    >
      <h2 id={`${id}-title`}>{t('report.title')}</h2>
      <p className="help no-print">{t('report.intro', { minCount, max: minCount - 1 })}</p>
      <div className="period-choice no-print">
        <fieldset className="breakdown-choice">
          <legend>{t('report.periodKind')}</legend>
          {(['quarter', 'month', 'custom'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={choice}
                checked={kind === choice}
                onChange={() => setKind(choice)}
              />{' '}
              {t(`report.kind.${choice}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'quarter' && (
          <div className="field">
            <label htmlFor={`${id}-quarter`}>{t('report.kind.quarter')}</label>
            <select
              id={`${id}-quarter`}
              value={quarter}
              onChange={(event) => setQuarter(event.target.value)}
              data-testid="report-quarter"
            >
              {recentQuarters().map((choice) => (
                <option key={choice} value={choice}>
                  {choice.replace('-', ' ')}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'month' && (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('report.kind.month')}</label>
            <input
              id={`${id}-month`}
              type="month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
            />
          </div>
        )}
        {kind === 'custom' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('report.from')}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
                data-testid="report-from"
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('report.to')}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={to}
                onChange={(event) => setTo(event.target.value)}
                data-testid="report-to"
              />
            </div>
          </>
        )}
      </div>
      {typeof period === 'string' ? (
        <p role="alert" className="error">
          {period}
        </p>
      ) : !report ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p className="report-period" data-testid="report-period">
            {t('report.periodLine', {
              label: report.period.label,
              from: report.period.from ?? '…',
              to: report.period.to ?? '…',
            })}
          </p>
          <KpiGrid label={t('report.figures')} testId="report-tiles">
            <KpiTile
              label={t('report.tiles.spaces')}
              value={number.format(report.spaces)}
              valueTestId="report-spaces"
            />
            <KpiTile
              label={t('report.tiles.members')}
              value={number.format(report.membersReached)}
              valueTestId="report-members"
              hint={
                report.spacesWithoutMemberCount.length > 0
                  ? t('report.withoutCount', { count: report.spacesWithoutMemberCount.length })
                  : undefined
              }
            />
            <KpiTile
              label={t('report.tiles.questions')}
              value={shown(report.questions)}
              valueTestId="report-questions"
            />
            <KpiTile
              label={t('report.tiles.answered')}
              value={shown(report.answered)}
              valueTestId="report-answered"
            />
            <KpiTile
              label={t('report.tiles.referrals')}
              value={shown(report.referrals.total)}
              valueTestId="report-referrals"
            />
            <KpiTile
              label={t('report.tiles.myths')}
              value={shown(report.mythsCorrected.total)}
              valueTestId="report-myths"
            />
            <KpiTile
              label={t('report.tiles.escalations')}
              value={shown(report.escalations.total)}
              valueTestId="report-escalations"
            />
          </KpiGrid>
          <div className="monitoring-controls no-print">
            <button type="button" onClick={() => window.print()} data-testid="report-print">
              {t('report.print')}
            </button>
            <button
              type="button"
              data-testid="report-csv"
              onClick={() =>
                downloadBlob(
                  [renderFunderReportCsv(report, wording)],
                  'text/csv;charset=utf-8',
                  fileName('csv'),
                )
              }
            >
              {t('report.csv')}
            </button>
            <button
              type="button"
              data-testid="report-xlsx"
              onClick={() =>
                void renderFunderReportXlsx(report, wording).then((bytes) =>
                  downloadBlob(
                    [bytes as Uint8Array<ArrayBuffer>],
                    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                    fileName('xlsx'),
                  ),
                )
              }
            >
              {t('report.xlsx')}
            </button>
          </div>
          {sections
            .filter((section) => section.id !== 'overview')
            .map((section) => (
              <ScrollRegion key={section.id} label={section.title}>
                <table className="report-table" data-testid={`report-table-${section.id}`}>
                  <caption>{section.title}</caption>
                  <thead>
                    <tr>
                      {section.columns.map((column, index) => (
                        <th key={column} scope="col" className={index === 0 ? undefined : 'number'}>
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {section.rows.length === 0 ? (
                      <tr>
                        <td colSpan={section.columns.length}>{wording.none}</td>
                      </tr>
                    ) : (
                      section.rows.map((row, rowIndex) => (
                        <tr key={`${String(row[0])}-${rowIndex}`}>
                          {row.map((cell, index) =>
                            index === 0 ? (
                              <th key={index} scope="row">
                                {cell}
                              </th>
                            ) : (
                              <td
                                key={index}
                                className={
                                  typeof cell === 'string' && cell.startsWith('<')
                                    ? 'number suppressed'
                                    : 'number'
                                }
                              >
                                {typeof cell === 'number' ? number.format(cell) : cell}
                              </td>
                            ),
                          )}
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </ScrollRegion>
            ))}
        </>
      )}
    </section>
  );
}
