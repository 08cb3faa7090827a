/**
 * Focus never falls to the body (UX review finding 8): when the element
 * that had focus inside the workspace leaves the page (a dismissed card, a
 * saved form, a queue row filtered away), focus goes to `fallback()`, the
 * heading of the current view. Browsers do not fire `focusout` for a removed
 * element, so a MutationObserver notices the removal.
 */
import type { RefObject } from 'react';
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useFocusGuard(
  root: RefObject<HTMLElement | null>,
  fallback: () => HTMLElement | null,
): void {
  const fallbackRef = useRef(fallback);
  // In the commit, before the observer's microtask: it must see this render's view.
  useLayoutEffect(() => {
    fallbackRef.current = fallback;
  });

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last: Element | null = null;
    const lost = () => {
      const active = element.ownerDocument.activeElement;
      return (
        last !== null &&
        !last.isConnected &&
        (active === null || active === element.ownerDocument.body)
      );
    };
    const restore = () => {
      if (!lost()) return;
      const target = fallbackRef.current();
      // No heading yet (the view is between two states): the next change tries again.
      if (target === null) return;
      last = null;
      target.focus();
    };
    const onFocusIn = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
    };
    const observer = new MutationObserver(restore);
    observer.observe(element, { childList: true, subtree: true });
    element.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      element.removeEventListener('focusin', onFocusIn);
    };
  }, [root]);
}
