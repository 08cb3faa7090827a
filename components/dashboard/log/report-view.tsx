import { useTranslation } from 'react-i18next';
import type { AnonymisedReport } from '../../../lib/log/report';
import { useLabels } from '../shared-ui/labels';
import { ScrollRegion } from '../shared-ui/scroll-region';

/** The anonymised report as printable HTML tables (the browser prints it to PDF). */
export function ReportView({ report }: { report: AnonymisedReport }) {
  const { t } = useTranslation('stats');
  const labels = useLabels();
  const firstCell = (tableId: string, cell: string | number) => {
    if (typeof cell !== 'string') return cell;
    if (['overview', 'outcomes', 'escalations'].includes(tableId)) return label(cell);
    if (tableId === 'topics' || tableId === 'underserved') return labels.topic(cell);
    if (tableId === 'languages') return labels.postLanguage(cell);
    return cell;
  };
  // Column names and the fixed row labels are English ids in the pure report (the CLI
  // prints them); here they are shown in the UI language, and so are topics and languages.
  // Group names stay as they are.
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
          <ScrollRegion label={`${t('report.heading')}: ${t(`report.tables.${table.id}`)}`}>
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
                          {cellIndex === 0 ? firstCell(table.id, cell) : cell}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </article>
  );
}
