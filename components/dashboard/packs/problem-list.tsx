import type { PackProblem } from '../../../lib/packs/problems';

/** Problems with their location, rendered as text (never as HTML). */
export function ProblemList({ problems, testId }: { problems: PackProblem[]; testId: string }) {
  return (
    <ul className="problems" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${index}`} className={`problem problem-${problem.severity}`}>
          <code>{problem.path}</code> {problem.message}
        </li>
      ))}
    </ul>
  );
}
