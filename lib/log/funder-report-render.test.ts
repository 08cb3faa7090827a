import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../tests/fixtures/sample-events';
import type { Pack } from '../packs/schema';
import { buildFunderReport, periodFor } from './funder-report';
import {
  ENGLISH_FUNDER_LABELS,
  funderLookupsFromPacks,
  funderReportSections,
  renderFunderReportCsv,
  renderFunderReportMarkdown,
  renderFunderReportXlsx,
} from './funder-report-render';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const Q3 = periodFor('2026-Q3');

function sampleReport(minCount = 5) {
  // Pseudonymised group ids, as in a default export; answer ids as the fixture gives them.
  const events = generateEvents(2000, 21, Date.UTC(2026, 6, 1)).map((event) => ({
    ...event,
    groupId: `h:${event.groupId ?? ''}`,
  }));
  return {
    events,
    report: buildFunderReport({
      events,
      groups: [],
      from: Q3.from,
      to: Q3.to,
      minCount,
      label: Q3.label,
      labels: ENGLISH_FUNDER_LABELS,
    }),
  };
}

/** Ids that must never be printed: group pseudonyms, post keys, answer ids. */
function rawIdsIn(text: string, events: ReturnType<typeof sampleReport>['events']): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.groupId) ids.add(event.groupId);
    ids.add(event.postKey);
    if ('answerId' in event && event.answerId) ids.add(event.answerId);
  }
  return [...ids].filter((id) => text.includes(id));
}

describe('funder report renderers', () => {
  it('print names in English from the locale files, never raw ids', () => {
    const { events, report } = sampleReport();
    const markdown = renderFunderReportMarkdown(report);
    expect(markdown).toContain('# Outreach Advisor — report for 2026-Q3');
    expect(markdown).toMatch(/\| Polish \|/);
    expect(markdown).toMatch(/\| Unpaid wages \|/);
    expect(markdown).toContain('Polacy w Niemczech');
    expect(rawIdsIn(markdown, events)).toEqual([]);
    expect(markdown).not.toMatch(/h:/);
    const csv = renderFunderReportCsv(report);
    expect(rawIdsIn(csv, events)).toEqual([]);
  });

  it('show every hidden cell as "<k" and list it', () => {
    const { report } = sampleReport();
    expect(report.suppressed.length).toBeGreaterThan(0);
    const sections = funderReportSections(report);
    const shownHidden = sections
      .filter((section) => section.id !== 'suppressed')
      .flatMap((section) => section.rows.flat())
      .filter((cell) => cell === '<5').length;
    expect(shownHidden).toBe(report.suppressed.length);
    const listed = sections.find((section) => section.id === 'suppressed');
    expect(listed?.rows).toHaveLength(report.suppressed.length);
  });

  it('write one CSV in long form with the same figures', () => {
    const { report } = sampleReport(1);
    const csv = renderFunderReportCsv(report);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('section,row,column,value');
    expect(lines).toContain(`overview,questions seen,value,${report.questions ?? ''}`);
    const polish = report.byLanguage.find((row) => row.key === 'pl');
    expect(lines).toContain(`byLanguage,Polish,questions,${polish?.questions ?? ''}`);
  });

  it('write an Excel workbook with a sheet per section', async () => {
    const { report } = sampleReport();
    const data = await renderFunderReportXlsx(report);
    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    await workbook.xlsx.load(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      funderReportSections(report).map((section) => section.id),
    );
    const overview = workbook.getWorksheet('overview');
    const values: string[] = [];
    overview?.eachRow((row) => values.push((row.values as unknown[]).slice(1).join('|')));
    expect(values).toContain(`questions seen|${report.questions ?? '<5'}`);
  });

  it('take referral kinds and claim statements from a pack', async () => {
    const pack = JSON.parse(
      await readFile(join(import.meta.dirname, '../../packs/default-pack.json'), 'utf8'),
    ) as Pack;
    const { referralKinds, claimLabels } = funderLookupsFromPacks([pack]);
    expect(referralKinds.get('kok-gegen-menschenhandel')).toBe('exploitation');
    expect(claimLabels.get('piecework-no-minimum-wage')).toMatch(/minimum wage/);
  });
});
