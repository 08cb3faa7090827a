// @vitest-environment happy-dom
import type { i18n as I18n } from 'i18next';
import { act, useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../lib/i18n/i18n';
import { ChipFilter } from './chip-filter';
import type { Mounted } from './test-render';
import { mount } from './test-render';

const OPTIONS = [
  { value: 'pl', label: 'Polish' },
  { value: 'ro', label: 'Romanian' },
  { value: 'bg', label: 'Bulgarian' },
];

function Harness({ onChange }: { onChange: (values: string[]) => void }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <ChipFilter
      label="Languages"
      testId="filter-languages"
      options={OPTIONS}
      selected={selected}
      onChange={(values) => {
        onChange(values);
        setSelected(values);
      }}
    />
  );
}

let i18n: I18n;
let view: Mounted;
beforeAll(async () => {
  i18n = await createI18n('en');
});
beforeEach(() => {
  view = mount(i18n);
});
afterEach(() => view.unmount());

const box = (value: string) =>
  view.container.querySelector<HTMLInputElement>(`input[type="checkbox"][value="${value}"]`);
const summary = () =>
  view.container.querySelector('[data-testid="filter-languages-summary"]')?.textContent;
const click = (element: HTMLElement | null) => act(async () => element?.click());

describe('ChipFilter', () => {
  it('chooses with plain checkboxes, keeps the options order and says what is chosen', async () => {
    const onChange = vi.fn<(values: string[]) => void>();
    await view.render(<Harness onChange={onChange} />);
    expect(summary()).toBe('All');
    // Every option is a labelled native checkbox: Tab and Space work, no Ctrl-click.
    expect(box('ro')?.closest('label')?.textContent).toBe('Romanian');

    await click(box('bg'));
    await click(box('pl'));
    expect(onChange).toHaveBeenLastCalledWith(['pl', 'bg']);
    expect(summary()).toBe('Polish, Bulgarian');

    await click(box('ro'));
    expect(summary()).toBe('3 chosen');

    await click(box('pl'));
    expect(onChange).toHaveBeenLastCalledWith(['ro', 'bg']);
  });

  it('clears the choice with one button, named after the filter', async () => {
    const onChange = vi.fn<(values: string[]) => void>();
    await view.render(<Harness onChange={onChange} />);
    expect(view.container.querySelector('.chip-filter-clear')).toBeNull();
    await click(box('ro'));
    const clear = view.container.querySelector<HTMLButtonElement>('.chip-filter-clear');
    expect(clear?.textContent).toBe('Clear “Languages”');
    await click(clear);
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(summary()).toBe('All');
    expect(box('ro')?.checked).toBe(false);
  });

  it('names its group of checkboxes by its label', async () => {
    await view.render(<Harness onChange={() => undefined} />);
    const group = view.container.querySelector('fieldset');
    const labelId = group?.getAttribute('aria-labelledby') ?? '';
    expect(view.container.querySelector(`[id="${labelId}"]`)?.textContent).toBe('Languages');
  });
});
