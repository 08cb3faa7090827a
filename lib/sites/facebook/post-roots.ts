/**
 * Finds post roots with the ordered strategies of `SELECTORS.postRoot`.
 *
 * Every strategy proposes elements on its own ("raw matches"); then each
 * element is resolved to ONE root per post: the root the earliest strategy
 * gives for the post that contains it. So on a 2024 page the aria-posinset
 * unit is the root even though the feed child around it (strategy 3) and the
 * virtualiser unit inside it (strategy 4) match too, and on a 2026 page
 * without aria-posinset the feed child is. Within a strategy the outermost
 * match wins, so the inner part of a shared post never becomes a root.
 *
 * A strategy's root for an element: the outermost ancestor-or-self it
 * matches, else (the element is a wrapper) the first match inside it.
 */
import { POST_CONTAINER, POST_LANDMARK, SELECTORS } from './selectors';

const ENTRIES: readonly string[] = SELECTORS.postRoot;
const FEED = '[role="feed"]';
const FEED_CONTEXT = `${FEED} `;
/** Strategies matched in code rather than by their selector alone. */
const ARIA_REFERENCE = 5;
const CLIMB = 6;

const subjects = new Map<string, string>();

/**
 * The subject part of `selector` (per comma branch, the last compound, without
 * `:has(…)`): a superset query that the full selector then filters. Computed
 * once per selector: it runs for every added node (a CPU profile of the first
 * pass over 60 posts had this parsing at 6 ms).
 */
function subjectOf(selector: string): string {
  let subject = subjects.get(selector);
  if (subject === undefined) subjects.set(selector, (subject = parseSubject(selector)));
  return subject;
}

function parseSubject(selector: string): string {
  const branches: string[] = [];
  let compound = '';
  let depth = 0;
  let quote = '';
  for (const char of selector) {
    if (quote) {
      if (char === quote) quote = '';
      compound += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      compound += char;
    } else if (char === '(' || char === '[') {
      depth += 1;
      compound += char;
    } else if (char === ')' || char === ']') {
      depth -= 1;
      compound += char;
    } else if (depth === 0 && char === ',') {
      branches.push(compound);
      compound = '';
    } else if (depth === 0 && /[\s>+~]/.test(char)) {
      compound = '';
    } else compound += char;
  }
  branches.push(compound);
  return branches
    .map((branch) => branch.trim().replace(/:has\((?:[^()]|\([^()]*\))*\)/g, ''))
    .join(', ');
}

/** Does `element` reference (aria-labelledby/-describedby) an element inside itself? */
function referencesInside(element: Element): boolean {
  const doc = element.ownerDocument;
  for (const attribute of ['aria-labelledby', 'aria-describedby']) {
    for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/)) {
      const target = id ? doc.getElementById(id) : null;
      if (target && target !== element && element.contains(target)) return true;
    }
  }
  return false;
}

/** The element right below the feed, dialog or main column that holds `landmark`. */
export function climbToPost(landmark: Element): Element | null {
  let node = landmark;
  for (let parent = node.parentElement; parent; parent = node.parentElement) {
    if (parent.matches(POST_CONTAINER)) return node === landmark ? null : node;
    node = parent;
  }
  return null;
}

function matchesEntry(element: Element, index: number): boolean {
  const selector = ENTRIES[index];
  if (selector === undefined) return false;
  if (index === CLIMB) {
    // What climbing from any landmark inside `element` ends at, without climbing.
    return (
      element.parentElement?.matches(POST_CONTAINER) === true &&
      element.querySelector(POST_LANDMARK) !== null
    );
  }
  if (!element.matches(selector)) return false;
  return index !== ARIA_REFERENCE || referencesInside(element);
}

/** Every element strategy `index` proposes inside `scope` (inclusive). */
export function rawMatches(scope: Element, index: number): Element[] {
  const selector = ENTRIES[index];
  if (selector === undefined) return [];
  if (index === CLIMB) {
    const found = new Set<Element>();
    const landmarks = [...scope.querySelectorAll(selector)];
    if (scope.matches(selector)) landmarks.unshift(scope);
    for (const landmark of landmarks) {
      const root = climbToPost(landmark);
      if (root && (scope.contains(root) || root.contains(scope))) found.add(root);
    }
    return [...found];
  }
  let found: Element[];
  if (selector.startsWith(FEED_CONTEXT) && !scope.matches(FEED) && scope.closest(FEED)) {
    // The scope is inside the feed and the selector names the feed as an
    // ancestor. Browsers match that against the whole document; happy-dom
    // (unit tests) only within the scope, so query the subject and filter.
    // A direct child of the feed cannot be inside a scope that is itself inside it.
    found = selector.startsWith(`${FEED_CONTEXT}> `)
      ? []
      : [...scope.querySelectorAll(subjectOf(selector))].filter((element) =>
          element.matches(selector),
        );
  } else {
    found = [...scope.querySelectorAll(selector)];
  }
  if (scope.matches(selector)) found.unshift(scope);
  return index === ARIA_REFERENCE ? found.filter(referencesInside) : found;
}

/** Outermost ancestor-or-self of `element` that strategy `index` matches. */
function outermostAncestor(element: Element, index: number): Element | null {
  let found: Element | null = null;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.matches(POST_CONTAINER)) break;
    if (matchesEntry(node, index)) found = node;
  }
  return found;
}

/** Would strategy `index` find the post at `root` (around it, at it or inside it)? */
export function strategyFinds(root: Element, index: number): boolean {
  return outermostAncestor(root, index) !== null || rawMatches(root, index).length > 0;
}

export interface ResolvedRoot {
  root: Element;
  /** Index of the strategy in `SELECTORS.postRoot` that found it. */
  strategy: number;
}

/** The one root of the post that contains (or is wrapped by) `element`. */
export function resolvePostRoot(element: Element): ResolvedRoot | null {
  for (let index = 0; index < ENTRIES.length; index += 1) {
    const ancestor = outermostAncestor(element, index);
    if (ancestor) return { root: ancestor, strategy: index };
    const inside = rawMatches(element, index)[0];
    if (inside) return { root: outermostAncestor(inside, index) ?? inside, strategy: index };
  }
  return null;
}

/** Every post root inside `scope` (inclusive), each once, in document order. */
export function findPostRoots(scope: Element): ResolvedRoot[] {
  const roots = new Map<Element, number>();
  for (let index = 0; index < ENTRIES.length; index += 1) {
    for (const match of rawMatches(scope, index)) {
      // Inside or around a root an earlier strategy found: the same post (cheap check first).
      let known = false;
      for (const root of roots.keys()) {
        if (root.contains(match) || match.contains(root)) {
          known = true;
          break;
        }
      }
      if (known) continue;
      const resolved = resolvePostRoot(match);
      if (resolved && !roots.has(resolved.root)) roots.set(resolved.root, resolved.strategy);
    }
  }
  return [...roots]
    .map(([root, strategy]) => ({ root, strategy }))
    .sort((a, b) =>
      a.root === b.root
        ? 0
        : a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
}

/** The nearest strategy match around `node` (a changed node inside a post), resolved. */
export function closestPostRoot(node: Element): ResolvedRoot | null {
  for (let current: Element | null = node; current; current = current.parentElement) {
    if (current.matches(POST_CONTAINER)) return null;
    for (let index = 0; index < ENTRIES.length; index += 1) {
      if (matchesEntry(current, index)) return resolvePostRoot(current);
    }
  }
  return null;
}
