// @vitest-environment happy-dom
/**
 * The two focus hooks of the workspace on their own: a focus request that
 * waits for its target, and the guard that takes focus off the body when
 * the focused element leaves.
 */
import { act, useRef, useState } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusAfterRender } from './use-focus-after-render';
import { useFocusGuard } from './use-focus-guard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  container = null;
});

async function render(node: React.ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(node));
}

describe('useFocusAfterRender', () => {
  let request: ((target: string) => void) | null = null;
  let show: ((items: string[]) => void) | null = null;

  function List() {
    const [items, setItems] = useState<string[]>(['a']);
    const list = useRef<HTMLUListElement>(null);
    request = useFocusAfterRender<string>(
      (target) => list.current?.querySelector<HTMLElement>(`[data-item="${target}"]`) ?? null,
    );
    show = setItems;
    return (
      <ul ref={list}>
        {items.map((item) => (
          <li key={item} data-item={item} tabIndex={-1}>
            {item}
          </li>
        ))}
      </ul>
    );
  }

  it('keeps a request through renders that do not show its target, and focuses it when one does', async () => {
    await render(<List />);
    await act(async () => request?.('c'));
    // A render caused by something else, without the target: the request must survive it.
    await act(async () => show?.(['a', 'b']));
    expect(document.activeElement).toBe(document.body);
    await act(async () => show?.(['a', 'b', 'c']));
    expect((document.activeElement as HTMLElement | null)?.dataset.item).toBe('c');
    // Used once: a later render that shows it again does not take focus back.
    (container?.querySelector('[data-item="a"]') as HTMLElement).focus();
    await act(async () => show?.(['a', 'c']));
    expect((document.activeElement as HTMLElement | null)?.dataset.item).toBe('a');
  });
});

describe('useFocusGuard', () => {
  let setView: ((view: 'form' | 'between' | 'done') => void) | null = null;

  function View() {
    const [view, set] = useState<'form' | 'between' | 'done'>('form');
    setView = set;
    const rootRef = useRef<HTMLDivElement>(null);
    const heading = useRef<HTMLHeadingElement>(null);
    useFocusGuard(rootRef, () => heading.current);
    return (
      <div ref={rootRef}>
        {view === 'done' && (
          <h2 ref={heading} tabIndex={-1}>
            Done
          </h2>
        )}
        {view === 'form' && <button type="button">Save</button>}
      </div>
    );
  }

  it('moves focus from the body to the heading once a heading is there', async () => {
    await render(<View />);
    container?.querySelector('button')?.focus();
    expect(document.activeElement).toBe(container?.querySelector('button'));
    // The button leaves and no heading is shown yet: focus is on the body for now.
    await act(async () => {
      setView?.('between');
      // happy-dom delivers mutation records in a timer: let the guard see this state alone.
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(document.activeElement).toBe(document.body);
    await act(async () => setView?.('done'));
    expect(document.activeElement).toBe(container?.querySelector('h2'));
  });
});
