/**
 * The diagnostic report the popup copies when a page is not recognised: which
 * adapter selectors matched how often, and what the tracker counted. It holds
 * no names, no post text, no group name, id or URL: an advisor can send it to
 * whoever maintains the extension without disclosing where they work.
 */
import type { TabState } from '../messaging/protocol';

export interface DiagnosticEnvironment {
  extensionVersion: string;
  userAgent: string;
  now: Date;
}

export interface DiagnosticReport {
  report: 'outreach-advisor-diagnostics';
  version: 1;
  createdAt: string;
  extensionVersion: string;
  contentScriptVersion: string;
  userAgent: string;
  page: {
    kind: string;
    feedFound: boolean;
    postsRecognised: number;
    groupIncluded: boolean;
    facebookUiLanguage: string | null;
  };
  adapter: string | null;
  candidates: number | null;
  rejected: Record<string, number>;
  overlays: number | null;
  nodeReuses: number | null;
  /**
   * Per selector group: each fallback entry with how often it was the one used
   * (`hits`) and how often it matched at all, also behind an entry that was used
   * (`matched`, counted once per post root).
   */
  selectors: Record<string, { selector: string; hits: number; matched: number }[]>;
}

export function buildDiagnosticReport(
  state: TabState,
  catalogue: Readonly<Record<string, readonly string[]>>,
  env: DiagnosticEnvironment,
): DiagnosticReport {
  const { page } = state;
  const diagnostics = page.diagnostics;
  const selectors: DiagnosticReport['selectors'] = {};
  for (const [group, entries] of Object.entries(catalogue)) {
    const hits = diagnostics?.selectorHits[group] ?? [];
    // Written by lib/content/selector-stats.ts as `<group>:matched`.
    const matched = diagnostics?.selectorHits[`${group}:matched`] ?? [];
    selectors[group] = entries.map((selector, index) => ({
      selector,
      hits: hits[index] ?? 0,
      matched: matched[index] ?? 0,
    }));
  }
  return {
    report: 'outreach-advisor-diagnostics',
    version: 1,
    createdAt: env.now.toISOString(),
    extensionVersion: env.extensionVersion,
    contentScriptVersion: page.contentScriptVersion,
    userAgent: env.userAgent,
    page: {
      kind: page.pageKind,
      feedFound: page.feedFound,
      postsRecognised: page.postsRecognised,
      groupIncluded: page.groupIncluded,
      facebookUiLanguage: diagnostics?.uiLanguage ?? null,
    },
    adapter: diagnostics?.adapter ?? null,
    candidates: diagnostics?.candidates ?? null,
    rejected: { ...diagnostics?.rejected },
    overlays: diagnostics?.overlays ?? null,
    nodeReuses: diagnostics?.nodeReuses ?? null,
    selectors,
  };
}
