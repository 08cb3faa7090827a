/**
 * Which label a pack link shows in a reply: its label in the reply's language
 * when the pack gives one (`labels.pl`), else the default `label`. Pure and
 * schema-free, so the content script, the workspace and the dashboard agree.
 */
export interface LabelledLink {
  label: string;
  labels?: Partial<Record<string, string>>;
}

export function linkLabelFor(link: LabelledLink, language: string): string {
  const labels = link.labels;
  const own = labels && Object.hasOwn(labels, language) ? labels[language] : undefined;
  return own !== undefined && own.trim() !== '' ? own : link.label;
}
