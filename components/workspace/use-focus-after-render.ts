/**
 * Focus that an advisor's action moves to something the next renders will
 * show: the heading of the post just opened, the referral field, "Next open
 * question" once saved. The action asks with `request(target)`; after every
 * commit an effect looks the target up with `find` (the closure of that
 * render) and focuses it once it is there.
 *
 * The request stays until its target exists. Between the action and the
 * render it causes, React runs the effects still waiting from an earlier
 * render (one the page caused, such as a new snapshot); that run must not use
 * the request up while the target is not in the DOM yet. A CI run of the
 * keyboard e2e failed that way: "n" opened the post and its heading stayed
 * unfocused.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useFocusAfterRender<Target>(
  find: (target: Target) => HTMLElement | null,
): (target: Target) => void {
  const pending = useRef<{ target: Target } | null>(null);

  useEffect(() => {
    const request = pending.current;
    if (request === null) return;
    const element = find(request.target);
    if (element === null) return;
    pending.current = null;
    element.focus();
  });

  return useCallback((target: Target) => {
    pending.current = { target };
  }, []);
}
