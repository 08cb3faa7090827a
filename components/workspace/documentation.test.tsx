// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentationProps } from './documentation';
import { Documentation } from './documentation';
import { byTestId, press, renderInI18n, settle, typeInto } from './test-support';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function render(overrides: Partial<DocumentationProps> = {}) {
  const props: DocumentationProps = {
    stored: null,
    focusOnShow: true,
    onSave: vi.fn(() => Promise.resolve()),
    onNext: vi.fn(),
    ...overrides,
  };
  const view = await renderInI18n(<Documentation {...props} />);
  cleanup = view.unmount;
  const status = () => byTestId(view.container, 'documentation-status')?.textContent;
  return { ...view, props, status };
}

describe('Documentation', () => {
  it.each([
    ['1', 'informed'],
    ['3', 'myth-corrected'],
    ['5', 'no-action'],
  ])('key %s chooses %s and Enter saves it', async (key, outcome) => {
    const { container, props, status } = await render();
    expect(document.activeElement).toBe(byTestId(container, 'outcome-informed'));
    await press(key);
    expect(byTestId<HTMLInputElement>(container, `outcome-${outcome}`)?.checked).toBe(true);
    await press('Enter');
    await settle();
    expect(props.onSave).toHaveBeenCalledExactlyOnceWith({
      outcome,
      note: '',
      referredTo: null,
      escalation: null,
    });
    expect(byTestId(container, 'handover')).toBeNull();
    expect(status()).toBe('Saved in your log.');
    expect(document.activeElement).toBe(byTestId(container, 'documentation-next'));
  });

  it('asks for an outcome before saving', async () => {
    const { container, props } = await render();
    await press('Enter');
    expect(props.onSave).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Choose what happened first');
  });

  it('needs the referral target for "referred", then saves it with the note', async () => {
    const { container, props } = await render();
    await press('2');
    const target = byTestId<HTMLInputElement>(container, 'referred-to');
    expect(document.activeElement).toBe(target);
    await press('Enter');
    expect(props.onSave).not.toHaveBeenCalled();
    expect(target?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(target);

    // Digits typed in the field are text, not outcome keys.
    if (target) await typeInto(target, 'Beratungsstelle 1');
    await press('1');
    expect(byTestId<HTMLInputElement>(container, 'outcome-referred')?.checked).toBe(true);
    const note = byTestId<HTMLTextAreaElement>(container, 'note-text');
    if (note) await typeInto(note, '  called back  ');
    note?.focus();
    await press('Enter'); // a new line in the note, not a save
    expect(props.onSave).not.toHaveBeenCalled();
    await press('Enter', { ctrlKey: true });
    await settle();
    expect(props.onSave).toHaveBeenCalledExactlyOnceWith({
      outcome: 'referred',
      note: 'called back',
      referredTo: 'Beratungsstelle 1',
      escalation: null,
    });
  });

  it('needs what an escalated case is about, shows the handover checklist and saves the kind', async () => {
    const { container, props } = await render();
    await press('4');
    // The checklist comes with the outcome: emergency numbers first, services once the kind is known.
    const checklist = byTestId(container, 'handover');
    expect(checklist?.textContent).toContain('110');
    expect(checklist?.textContent).toContain('112');
    expect(byTestId(container, 'handover-services')).toBeNull();
    await press('Enter');
    expect(props.onSave).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Choose what the case is about');
    expect(document.activeElement).toBe(byTestId(container, 'escalation-exploitation'));

    await act(async () => byTestId<HTMLInputElement>(container, 'escalation-violence')?.click());
    const services = byTestId(container, 'handover-services');
    expect(services?.textContent).toContain('116 016');
    expect(byTestId(container, 'handover-contact-hilfetelefon-frauen')).not.toBeNull();
    expect(byTestId(container, 'handover-contact-kok')).toBeNull();
    await act(async () =>
      byTestId<HTMLInputElement>(container, 'escalation-exploitation')?.click(),
    );
    expect(byTestId(container, 'handover-contact-kok')).not.toBeNull();

    byTestId<HTMLInputElement>(container, 'escalation-exploitation')?.focus();
    await press('Enter');
    await settle();
    expect(props.onSave).toHaveBeenCalledExactlyOnceWith({
      outcome: 'escalated',
      note: '',
      referredTo: null,
      escalation: 'exploitation',
    });
  });

  it('forgets the kind when the outcome changes from "escalated"', async () => {
    const { container, props } = await render();
    await press('4');
    await act(async () => byTestId<HTMLInputElement>(container, 'escalation-violence')?.click());
    await press('1');
    expect(byTestId(container, 'handover')).toBeNull();
    await press('Enter');
    await settle();
    expect(props.onSave).toHaveBeenCalledExactlyOnceWith({
      outcome: 'informed',
      note: '',
      referredTo: null,
      escalation: null,
    });
  });

  it('says when saving failed and saves again on request', async () => {
    const onSave = vi
      .fn<DocumentationProps['onSave']>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce();
    const { container, status } = await render({ onSave });
    await press('1');
    await press('Enter');
    await settle();
    expect(status()).toMatch(/Not saved: offline/);
    await act(async () => byTestId(container, 'documentation-save')?.click());
    await settle();
    expect(status()).toBe('Saved in your log.');
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('opens on a stored note as saved, without taking focus to "Next"', async () => {
    const { container, status } = await render({
      stored: {
        outcome: 'escalated',
        note: 'x',
        referredTo: null,
        escalation: 'life-health',
        updatedAt: 1,
      },
      focusOnShow: false,
    });
    expect(byTestId<HTMLInputElement>(container, 'outcome-escalated')?.checked).toBe(true);
    expect(byTestId<HTMLInputElement>(container, 'escalation-life-health')?.checked).toBe(true);
    expect(byTestId(container, 'handover-contact-telefonseelsorge')).not.toBeNull();
    expect(status()).toBe('Saved in your log.');
    expect(document.activeElement).not.toBe(byTestId(container, 'documentation-next'));
  });
});
