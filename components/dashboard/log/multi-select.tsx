import { useId } from 'react';

interface Props {
  label: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  testId: string;
}

/** A labelled multiple-choice list; nothing chosen means "all". */
export function MultiSelect({ label, options, selected, onChange, testId }: Props) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        multiple
        size={Math.min(5, Math.max(2, options.length))}
        value={[...selected]}
        data-testid={testId}
        onChange={(event) =>
          onChange([...event.target.selectedOptions].map((option) => option.value))
        }
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
