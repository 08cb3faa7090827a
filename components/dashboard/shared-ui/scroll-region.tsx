/**
 * A container that scrolls its wide content (a table) sideways by itself, so
 * the page never does (UX review row 13: at 400 px the log table was clipped).
 * It is focusable and named, so keyboard users can scroll it too (WCAG 2.1.1,
 * axe `scrollable-region-focusable`).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A named region a keyboard can reach is how a scrolling area becomes operable;
    // jsx-a11y does not count `region` among the roles that may take focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
