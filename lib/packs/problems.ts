/**
 * Problems found in a pack, each tied to the place it was found, so an editor
 * can jump to it (`answers[3].texts.pl.body`) and the CLI can print one line
 * per problem. Errors refuse the pack; warnings are shown but do not.
 */

export type ProblemSeverity = 'error' | 'warning';

export interface PackProblem {
  severity: ProblemSeverity;
  /** Where in the file: a JSON path like `answers[3].texts.pl.body`, or `line 4, column 2`. */
  path: string;
  /** A plain sentence saying what is wrong and, where it helps, what to do. */
  message: string;
}

export type PathSegment = string | number | symbol;

/** `['answers', 3, 'texts', 'pl']` → `answers[3].texts.pl`; the empty path is `pack`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const name = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(name)
        ? `${out === '' ? '' : '.'}${name}`
        : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? 'pack' : out;
}

export function formatProblem(problem: PackProblem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${problem.path}: ${problem.message}`;
}

export function hasErrors(problems: readonly PackProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
