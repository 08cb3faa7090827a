/**
 * A small, dependency-free SVG bar chart: horizontal bars for breakdowns,
 * grouped vertical bars for weeks. Values are also in the table beside it
 * (and in the SVG's title), so the chart is never the only way to read them.
 */
export interface ChartSeries {
  id: string;
  label: string;
  color: string;
}

export interface ChartRow {
  label: string;
  values: Record<string, number>;
}

interface Props {
  title: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  testId: string;
}

const BAR = 14;
const GAP = 6;
const LABEL_WIDTH = 170;
const WIDTH = 560;

export function HorizontalBarChart({ title, series, rows, testId }: Props) {
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.id] ?? 0)));
  const rowHeight = series.length * BAR + GAP * 2;
  const height = rows.length * rowHeight + 24;
  const scale = (WIDTH - LABEL_WIDTH - 40) / max;
  return (
    <figure className="chart" data-testid={testId}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
        <title>{title}</title>
        {rows.map((row, rowIndex) => {
          const y = rowIndex * rowHeight + GAP;
          return (
            <g key={row.label}>
              <text
                x={LABEL_WIDTH - 6}
                y={y + (series.length * BAR) / 2 + 4}
                textAnchor="end"
                className="chart-label"
              >
                {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
              </text>
              {series.map((s, index) => {
                const value = row.values[s.id] ?? 0;
                return (
                  <g key={s.id}>
                    <rect
                      x={LABEL_WIDTH}
                      y={y + index * BAR}
                      width={Math.max(value > 0 ? 1 : 0, value * scale)}
                      height={BAR - 2}
                      fill={s.color}
                    >
                      <title>{`${row.label} – ${s.label}: ${value}`}</title>
                    </rect>
                    <text
                      x={LABEL_WIDTH + value * scale + 4}
                      y={y + index * BAR + BAR - 4}
                      className="chart-value"
                    >
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.id}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Widest a week's group of bars gets, so one or two weeks do not turn into slabs. */
const MAX_GROUP = 96;
/** Weeks up to this many get their values written above the bars. */
const LABELLED_WEEKS = 8;

export function WeekChart({
  title,
  series,
  rows,
  testId,
  formatLabel = (label) => label.slice(5),
}: Props & {
  /** The x-axis label of a week from its `YYYY-MM-DD` start ("30 Nov"). */
  formatLabel?: (label: string) => string;
}) {
  const height = 180;
  const left = 34;
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.id] ?? 0)));
  const groupWidth = Math.max(
    12,
    Math.min(MAX_GROUP, (WIDTH - left - 6) / Math.max(1, rows.length)),
  );
  const barWidth = Math.max(2, Math.min(24, (groupWidth * 0.8) / series.length));
  const width = Math.max(WIDTH, rows.length * groupWidth + left + 6);
  // Few weeks sit in the middle of the axis, not in a cluster at its left end (UX review).
  const offset = left + Math.max(0, (width - left - 6 - rows.length * groupWidth) / 2);
  const labelled = rows.length <= LABELLED_WEEKS;
  const scale = (height - (labelled ? 44 : 30)) / max;
  return (
    <figure className="chart" data-testid={testId}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
        <title>{title}</title>
        <text x={0} y={labelled ? 26 : 12} className="chart-value">
          {max}
        </text>
        <line x1={30} x2={width} y1={height - 20} y2={height - 20} stroke="#9aa5b1" />
        {rows.map((row, index) => {
          const x = offset + index * groupWidth;
          const bars = x + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={row.label}>
              {series.map((s, seriesIndex) => {
                const value = row.values[s.id] ?? 0;
                const h = value * scale;
                const barX = bars + seriesIndex * barWidth;
                return (
                  <g key={s.id}>
                    <rect
                      x={barX}
                      y={height - 20 - h}
                      width={barWidth - 1}
                      height={h}
                      fill={s.color}
                    >
                      <title>{`${formatLabel(row.label)} – ${s.label}: ${value}`}</title>
                    </rect>
                    {labelled && (
                      <text
                        x={barX + (barWidth - 1) / 2}
                        y={height - 24 - h}
                        textAnchor="middle"
                        className="chart-value"
                      >
                        {value}
                      </text>
                    )}
                  </g>
                );
              })}
              {(rows.length <= 12 || index % Math.ceil(rows.length / 12) === 0) && (
                <text
                  x={x + groupWidth / 2}
                  y={height - 6}
                  textAnchor="middle"
                  className="chart-label"
                >
                  {formatLabel(row.label)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.id}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
