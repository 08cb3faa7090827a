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
const LABEL_WIDTH = 150;
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
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
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

export function WeekChart({ title, series, rows, testId }: Props) {
  const height = 180;
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.id] ?? 0)));
  const groupWidth = Math.max(12, Math.min(60, (WIDTH - 40) / Math.max(1, rows.length)));
  const barWidth = Math.max(2, (groupWidth - 4) / series.length);
  const width = Math.max(WIDTH, rows.length * groupWidth + 40);
  const scale = (height - 30) / max;
  return (
    <figure className="chart" data-testid={testId}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
        <title>{title}</title>
        <text x={0} y={12} className="chart-value">
          {max}
        </text>
        <line x1={30} x2={width} y1={height - 20} y2={height - 20} stroke="#9aa5b1" />
        {rows.map((row, index) => {
          const x = 34 + index * groupWidth;
          return (
            <g key={row.label}>
              {series.map((s, seriesIndex) => {
                const value = row.values[s.id] ?? 0;
                const h = value * scale;
                return (
                  <rect
                    key={s.id}
                    x={x + seriesIndex * barWidth}
                    y={height - 20 - h}
                    width={barWidth - 1}
                    height={h}
                    fill={s.color}
                  >
                    <title>{`${row.label} – ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {(rows.length <= 12 || index % Math.ceil(rows.length / 12) === 0) && (
                <text x={x} y={height - 6} className="chart-label">
                  {row.label.slice(5)}
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
