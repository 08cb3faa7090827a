// @vitest-environment happy-dom
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n/i18n';
import { changeDirection, KpiGrid, KpiTile } from './kpi-tile';
import type { Mounted } from './test-render';
import { mount } from './test-render';

let i18n: I18n;
let view: Mounted;
beforeAll(async () => {
  i18n = await createI18n('en');
});
beforeEach(() => {
  view = mount(i18n);
});
afterEach(() => view.unmount());

describe('KpiTile', () => {
  it('shows label, value, hint and the change in words with its tone', async () => {
    await view.render(
      <KpiGrid label="Key figures" testId="kpis">
        <KpiTile
          testId="kpi-answered"
          label="Questions answered"
          value="75%"
          valueTestId="answered-value"
          hint="3 of 4 questions replied to"
          change={{ direction: 'up', text: '+25 percentage points', tone: 'good' }}
        />
        <KpiTile testId="kpi-posts" label="Posts seen" value="28" />
      </KpiGrid>,
    );
    const grid = view.container.querySelector('[data-testid="kpis"]');
    expect(grid?.tagName).toBe('UL');
    expect(grid?.getAttribute('aria-label')).toBe('Key figures');
    expect(grid?.querySelectorAll('li')).toHaveLength(2);
    expect(view.container.querySelector('[data-testid="answered-value"]')?.textContent).toBe('75%');
    const change = view.container.querySelector('[data-testid="kpi-answered-change"]');
    expect(change?.textContent).toBe('▲ +25 percentage points');
    expect(change?.getAttribute('data-direction')).toBe('up');
    expect(change?.className).toContain('kpi-change-good');
    // The arrow is decoration: the words carry the direction.
    expect(change?.querySelector('[aria-hidden="true"]')?.textContent).toBe('▲ ');
    expect(view.container.querySelector('[data-testid="kpi-posts-change"]')).toBeNull();
    expect(view.container.querySelector('[data-testid="kpi-posts"] .kpi-hint')).toBeNull();
  });
});

describe('changeDirection', () => {
  it.each([
    [5, 3, 'up'],
    [3, 5, 'down'],
    [4, 4, 'flat'],
  ] as const)('%d against %d is %s', (current, previous, direction) => {
    expect(changeDirection(current, previous)).toBe(direction);
  });
});
