// @vitest-environment happy-dom
/**
 * Statistics open with KPI tiles and name topics and languages in the UI
 * language. A post whose "Post seen" entry carries no topic takes the topic a
 * later entry of it gave (lib/log/stats.ts); only a post nothing classified
 * is "Not classified", and that bar comes last (UX review row 12).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getDatabase } from '../../lib/db/database';
import { createI18n } from '../../lib/i18n/i18n';
import { storeEvents } from '../../lib/log/store';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { StatsSection } from './stats-section';
import type { Mounted } from './shared-ui/test-render';
import { mount, waitForView } from './shared-ui/test-render';

let view: Mounted;
afterEach(async () => {
  await view.unmount();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

const at = (hour: number) => Date.UTC(2026, 2, 2, hour);
const chartLabels = (testId: string) =>
  [...view.container.querySelectorAll(`[data-testid="${testId}"] .chart-label`)].map(
    (label) => label.textContent,
  );
const text = (testId: string) =>
  view.container.querySelector(`[data-testid="${testId}"]`)?.textContent;

async function seed(): Promise<void> {
  await storeEvents(
    getDatabase(),
    [
      // Seen without a topic; the suggestions shown later said "housing".
      sampleEvent('post-seen', { postKey: 'g:1', at: at(8), topic: null, language: 'ro' }),
      sampleEvent('suggestions-shown', {
        postKey: 'g:1',
        at: at(9),
        topic: 'housing',
        language: 'ro',
      }),
      sampleEvent('reply-inserted', {
        postKey: 'g:1',
        at: at(10),
        topic: 'housing',
        language: 'ro',
        postedAt: at(9),
      }),
      // Seen only, never classified.
      sampleEvent('post-seen', { postKey: 'g:2', at: at(8), topic: null, language: 'pl' }),
      sampleEvent('post-seen', { postKey: 'g:3', at: at(8), topic: null, language: 'pl' }),
      sampleEvent('post-seen', { postKey: 'g:4', at: at(8), topic: 'dismissal', language: 'und' }),
    ],
    { advisor: 'Advisor K', storePostText: false },
  );
}

describe('StatsSection', () => {
  it('opens with key figures, then the charts, with the import after the numbers', async () => {
    await seed();
    view = mount(await createI18n('en'));
    await view.render(<StatsSection />);
    await waitForView(() => expect(text('total-posts')).toBe('4'));
    expect(text('kpi-questions')).toContain('4');
    // One of four questions has a reply.
    expect(text('kpi-answered')).toContain('25%');
    expect(text('kpi-answered')).toContain('1 of 4 questions replied to');
    expect(text('kpi-time-to-reply')).toContain('1 hr');
    // No period chosen: nothing to compare with, and the tiles say how to get it.
    expect(view.container.querySelector('.kpi-change')).toBeNull();
    expect(text('kpi-comparison')).toContain('Choose a “From” date');

    const order = [
      ...view.container.querySelectorAll(
        '[data-testid="stats-totals"], [data-testid="chart-topics"], [data-testid="import-files"]',
      ),
    ].map((element) => element.getAttribute('data-testid'));
    expect(order).toEqual(['stats-totals', 'chart-topics', 'import-files']);
  });

  it('names topics and languages, and counts unclassified posts apart', async () => {
    await seed();
    view = mount(await createI18n('en'));
    await view.render(<StatsSection />);
    await waitForView(() => expect(chartLabels('chart-topics')).toHaveLength(2));
    // g:1 was seen without a topic and took "housing" from its later entries.
    expect(chartLabels('chart-topics')).toEqual(['Dismissal', 'Housing']);
    expect(text('topics-unclassified')).toBe(
      '2 posts are not counted above: no entry of theirs named a topic (“Not classified”) — usually posts that were only seen.',
    );
    expect(chartLabels('chart-languages')).toEqual([
      'Polish',
      'Romanian',
      'Language not recognised',
    ]);
    for (const chart of ['chart-topics', 'chart-languages', 'chart-groups'])
      expect(text(chart)).not.toMatch(/\bunknown\b|\bund\b/);
  });

  it('speaks German in the German UI', async () => {
    await seed();
    view = mount(await createI18n('de'));
    await view.render(<StatsSection />);
    await waitForView(() => expect(chartLabels('chart-topics')).toHaveLength(2));
    expect(chartLabels('chart-topics')).toEqual(['Kündigung', 'Wohnen']);
    expect(text('topics-unclassified')).toContain('2 Beiträge sind oben nicht gezählt');
    expect(chartLabels('chart-languages')).toEqual([
      'Polnisch',
      'Rumänisch',
      'Sprache nicht erkannt',
    ]);
    expect(text('kpi-answered')).toContain('1 von 4 Fragen beantwortet');
  });
});
