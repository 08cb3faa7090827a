import { useTranslation } from 'react-i18next';
import type { AnonymisedReport } from '../../../lib/log/report';

/** The anonymised report as printable HTML tables (the browser prints it to PDF). */
export function ReportView({ report }: { report: AnonymisedReport }) {
  const { t } = useTranslation('stats');
  // Column names and the fixed row labels are English ids in the pure report (the CLI
  // prints them); here they are shown in the UI language. Data (groups, topics) stays as is.
  const label = (text: string | number) =>
    typeof text === 'string' ? t(`report.labels.${text}`, { defaultValue: text }) : text;
  return (
    <article className="report" data-testid="anonymised-report">
      <h3>{t('report.title')}</h3>
      <p className="help">
        {t('report.period', {
          from: report.from ?? '–',
          to: report.to ?? '–',
          min: report.minCount,
        })}
      </p>
      {report.tables.map((table) => (
        <section key={table.id} className="report-table">
          <h4>{t(`report.tables.${table.id}`)}</h4>
          <table data-testid={`report-${table.id}`}>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {label(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length}>{t('report.none')}</td>
                </tr>
              ) : (
                table.rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, cellIndex) => (
                      <td key={cellIndex}>
                        {cellIndex === 0 &&
                        ['overview', 'outcomes', 'escalations'].includes(table.id)
                          ? label(cell)
                          : cell}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
