/**
 * Text kept on one line and cut with an ellipsis (a group name in a table
 * row), with the whole text as its tooltip. Screen readers read it whole: the
 * cut is only visual.
 */
export function TruncatedText({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className ? `truncate ${className}` : 'truncate'} title={text}>
      {text}
    </span>
  );
}
