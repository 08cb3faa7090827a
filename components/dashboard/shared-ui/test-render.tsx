/**
 * Rendering helpers for the dashboard's component tests (happy-dom): a React
 * root inside i18next in a chosen UI language, and a wait that lets live
 * queries settle outside `act`.
 */
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';

const reactTest = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
reactTest.IS_REACT_ACT_ENVIRONMENT = true;

export async function waitForView(assertion: () => void): Promise<void> {
  reactTest.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(assertion, { timeout: 3000 });
  } finally {
    reactTest.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

export interface Mounted {
  container: HTMLElement;
  render: (node: ReactNode) => Promise<void>;
  unmount: () => Promise<void>;
}

export function mount(i18n: I18n): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  return {
    container,
    render: (node) =>
      act(async () => root.render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>)),
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}
