/**
 * Trends: questions per week, in total and by topic, language or group,
 * each against its own recent weeks, with spikes named first
 * (docs/MONITORING.md#trends-and-spikes). Reads the whole log (own and
 * imported records): the counting rules need each post's first sighting.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Spike, TrendSeries, TrendSeriesKind } from '../../../lib/log/trends';
import { computeTrends } from '../../../lib/log/trends';
import { useWholeLog } from '../log/use-log-events';
import { useLabels, type Labels } from '../shared-ui/labels';
import { ScrollRegion } from '../shared-ui/scroll-region';
import type { TrendLine } from './week-trend-chart';
import { WeekTrendChart } from './week-trend-chart';
import './monitoring.css';

const WEEK_CHOICES = [12, 26, 52] as const;
const BREAKDOWNS = ['topic', 'language', 'group'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];
/** Lines in the breakdown chart: more are unreadable; the table lists the rest. */
const LINES = 5;
const COLORS = ['#1b5e9b', '#b06000', '#2e7d32', '#6a1b9a', '#00838f'];

function seriesName(series: Pick<TrendSeries, 'kind' | 'key' | 'label'>, labels: Labels): string {
  switch (series.kind) {
    case 'topic':
      return labels.topic(series.key);
    case 'language':
      return labels.postLanguage(series.key);
    case 'group':
      return series.label || series.key;
    case 'total':
      return '';
  }
}

function toLine(series: TrendSeries, label: string, color: string): TrendLine {
  return {
    key: `${series.kind}:${series.key}`,
    label,
    color,
    values: series.points.map((point) => point.count),
    spikes: series.points.flatMap((point, index) => (point.spike ? [index] : [])),
  };
}

export function TrendsSection() {
  const { t, i18n } = useTranslation('monitoring');
  const labels = useLabels();
  const weeksId = useId();
  const [weeks, setWeeks] = useState<(typeof WEEK_CHOICES)[number]>(12);
  const [breakdown, setBreakdown] = useState<Breakdown>('topic');
  const log = useWholeLog();
  // "Now" is when the log was read: a new event re-reads it and moves the window with it.
  const trends = useMemo(
    () => (log ? computeTrends(log.events, { now: log.readAt, weeks }) : undefined),
    [log, weeks],
  );
  const shownWeeks = useMemo(() => trends?.weekStarts.slice(trends.shownFrom) ?? [], [trends]);
  const totalLines = useMemo(
    () => (trends ? [toLine(trends.total, t('trends.allQuestions'), COLORS[0] as string)] : []),
    [trends, t],
  );
  const breakdownSeries = useMemo(() => {
    if (!trends) return [];
    const all: Record<Breakdown, TrendSeries[]> = {
      topic: trends.byTopic,
      language: trends.byLanguage,
      group: trends.byGroup,
    };
    return [...all[breakdown]]
      .filter((series) => series.shownTotal > 0)
      .sort((a, b) => b.shownTotal - a.shownTotal);
  }, [trends, breakdown]);
  const breakdownLines = useMemo(
    () =>
      breakdownSeries
        .slice(0, LINES)
        .map((series, index) =>
          toLine(series, seriesName(series, labels), COLORS[index % COLORS.length] as string),
        ),
    [breakdownSeries, labels],
  );

  if (!trends) return <p role="status">{t('loading')}</p>;

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long' });
  const weekOf = (week: string) => dateFormat.format(new Date(`${week}T00:00:00Z`));
  const kindName = (kind: TrendSeriesKind) => t(`trends.kind.${kind}`);
  const spikeText = (spike: Spike) =>
    t('trends.spikeLine', {
      week: weekOf(spike.weekStart),
      count: spike.count,
      expected: spike.baseline.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
    });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });

  return (
    <section
      aria-labelledby={`${weeksId}-title`}
      className="monitoring"
      data-testid="section-trends"
    >
      <h2 id={`${weeksId}-title`}>{t('trends.title')}</h2>
      <p className="help">{t('trends.intro')}</p>
      <div className="monitoring-controls">
        <div className="field">
          <label htmlFor={weeksId}>{t('trends.weeks')}</label>
          <select
            id={weeksId}
            value={weeks}
            onChange={(event) => setWeeks(Number(event.target.value) as typeof weeks)}
            data-testid="trends-weeks"
          >
            {WEEK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t('trends.weeksChoice', { count: choice })}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section className="spikes" aria-labelledby={`${weeksId}-spikes`}>
        <h3 id={`${weeksId}-spikes`}>{t('trends.spikesTitle')}</h3>
        {trends.spikes.length === 0 ? (
          <p data-testid="no-spikes">{t('trends.noSpikes')}</p>
        ) : (
          <ul className="spike-list" data-testid="spike-list">
            {trends.spikes.map((spike) => (
              <li key={`${spike.kind}:${spike.key}:${spike.weekStart}`}>
                <span className="spike-kind">{kindName(spike.kind)}</span>{' '}
                <strong>
                  {spike.kind === 'total' ? t('trends.allQuestions') : seriesName(spike, labels)}
                </strong>
                : {spikeText(spike)}
              </li>
            ))}
          </ul>
        )}
        <p className="help">{t('trends.method')}</p>
      </section>

      <WeekTrendChart
        title={t('trends.totalTitle')}
        weeks={shownWeeks}
        lines={totalLines}
        testId="trend-total"
      />

      <fieldset className="breakdown-choice">
        <legend>{t('trends.breakdown')}</legend>
        {BREAKDOWNS.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${weeksId}-breakdown`}
              value={choice}
              checked={breakdown === choice}
              onChange={() => setBreakdown(choice)}
            />{' '}
            {t(`trends.kind.${choice}`)}
          </label>
        ))}
      </fieldset>
      {breakdownLines.length === 0 ? (
        <p>{t('trends.noQuestions')}</p>
      ) : (
        <WeekTrendChart
          title={t(`trends.breakdownTitle.${breakdown}`, {
            count: Math.min(LINES, breakdownSeries.length),
          })}
          weeks={shownWeeks}
          lines={breakdownLines}
          testId="trend-breakdown"
        />
      )}

      {/* Not a landmark: its table's scroll region already carries the name. */}
      <div>
        <h3 id={`${weeksId}-underserved`}>{t('trends.underservedTitle')}</h3>
        {trends.underserved.length === 0 ? (
          <p>{t('trends.noUnderserved')}</p>
        ) : (
          <ScrollRegion label={t('trends.underservedTitle')}>
            <table className="report-table" data-testid="trend-underserved">
              <thead>
                <tr>
                  <th scope="col">{t('trends.topic')}</th>
                  <th scope="col" className="number">
                    {t('trends.questions')}
                  </th>
                  <th scope="col" className="number">
                    {t('trends.replied')}
                  </th>
                  <th scope="col" className="number">
                    {t('trends.replyRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trends.underserved.map((row) => (
                  <tr key={row.topic}>
                    <th scope="row">{labels.topic(row.topic)}</th>
                    <td>{row.questions}</td>
                    <td>{row.replied}</td>
                    <td>{percent.format(row.replyRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p>
          <a href="#missed">{t('trends.missedLink')}</a>
        </p>
      </div>
    </section>
  );
}
