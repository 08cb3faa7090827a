/**
 * Weekly counts as lines, with spikes marked (docs/MONITORING.md#trends-and-spikes).
 *
 * Drawn with uPlot, a small canvas chart library made for time series; it is
 * imported only when a chart is shown, so neither the dashboard's first
 * paint nor any other page of the extension loads it. The canvas is hidden
 * from assistive technology: the same figures are in the table under it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';

export interface TrendLine {
  key: string;
  label: string;
  color: string;
  /** One count per week, aligned with `weeks`. */
  values: readonly number[];
  /** Indexes into `weeks` flagged as spikes. */
  spikes: readonly number[];
}

interface Props {
  title: string;
  /** Monday of each week, `YYYY-MM-DD`. */
  weeks: readonly string[];
  lines: readonly TrendLine[];
  testId: string;
  height?: number;
}

const SPIKE_COLOR = '#b3261e';

function toOptions(
  width: number,
  height: number,
  lines: readonly TrendLine[],
  spikeLabel: string,
  locale: string,
): uPlot.Options {
  // Week starts as "8 Jun" / "8. Juni" in the UI language, not uPlot's US "6/8".
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max * 1.1)] } },
    axes: [
      {
        stroke: '#52606d',
        grid: { stroke: '#e4e7eb' },
        size: 36,
        values: (_u, splits) => splits.map((seconds) => day.format(new Date(seconds * 1000))),
      },
      { stroke: '#52606d', grid: { stroke: '#e4e7eb' }, size: 40 },
    ],
    series: [
      {},
      ...lines.map((line) => ({
        label: line.label,
        stroke: line.color,
        width: 2,
        points: { show: true, size: 4 },
      })),
      ...lines.map((line) => ({
        label: `${line.label}: ${spikeLabel}`,
        stroke: SPIKE_COLOR,
        width: 0,
        paths: () => null,
        points: { show: true, size: 11, stroke: SPIKE_COLOR, fill: '#fff', width: 3 },
      })),
    ],
  };
}

function toData(weeks: readonly string[], lines: readonly TrendLine[]): uPlot.AlignedData {
  const x = weeks.map((week) => Date.parse(`${week}T00:00:00Z`) / 1000);
  const spikeSeries = lines.map((line) => {
    const flagged = new Set(line.spikes);
    return line.values.map((value, index) => (flagged.has(index) ? value : null));
  });
  return [x, ...lines.map((line) => [...line.values]), ...spikeSeries];
}

export function WeekTrendChart({ title, weeks, lines, testId, height = 220 }: Props) {
  const { t, i18n } = useTranslation('monitoring');
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || weeks.length === 0) return;
    let chart: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const width = Math.max(240, element.clientWidth);
        chart = new UPlot(
          toOptions(width, height, lines, t('trends.spike'), i18n.language),
          toData(weeks, lines),
          element,
        );
        observer = new ResizeObserver(() => {
          chart?.setSize({ width: Math.max(240, element.clientWidth), height });
        });
        observer.observe(element);
      })
      .catch((error: unknown) => {
        console.error('Outreach Advisor: chart failed', error);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [weeks, lines, height, t, i18n.language]);

  const format = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' });
  const weekLabel = (week: string) => format.format(new Date(`${week}T00:00:00Z`));
  return (
    <figure className="trend-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ul className="trend-legend">
        {lines.map((line) => (
          <li key={line.key}>
            <span className="swatch" style={{ background: line.color }} aria-hidden="true" />
            {line.label}
          </li>
        ))}
        {lines.some((line) => line.spikes.length > 0) && (
          <li>
            <span className="swatch spike" aria-hidden="true" />
            {t('trends.spike')}
          </li>
        )}
      </ul>
      {failed ? (
        <p className="help">{t('trends.chartFailed')}</p>
      ) : (
        <div ref={box} className="trend-canvas" aria-hidden="true" />
      )}
      <details className="trend-table">
        <summary>{t('trends.asTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trends.week')}</th>
                {lines.map((line) => (
                  <th scope="col" key={line.key}>
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, index) => (
                <tr key={week}>
                  <th scope="row">{weekLabel(week)}</th>
                  {lines.map((line) => (
                    <td key={line.key}>
                      {line.values[index] ?? 0}
                      {line.spikes.includes(index) && (
                        <strong className="spike-flag"> ▲ {t('trends.spike')}</strong>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
