import { useId } from "preact/hooks";
import type { Direction } from "../../lib/types";

interface Props {
  value: Direction;
  onChange: (value: Direction) => void;
  error?: string;
}

const OPTIONS: { value: Direction; title: string; text: string }[] = [
  { value: "incoming", title: "Incoming", text: "Someone pays you. You can send them a payment link." },
  { value: "outgoing", title: "Outgoing", text: "You pay someone. Needs a payee." },
];

/** Incoming or outgoing, as two large radio cards. */
export function DirectionChoice({ value, onChange, error }: Props) {
  const errorId = useId();
  const describedBy = error ? errorId : undefined;
  return (
    <fieldset class="fieldset" aria-describedby={describedBy}>
      <legend>Direction</legend>
      <div class="choice-cards">
        {OPTIONS.map((o) => (
          <label key={o.value} class={`choice-card${value === o.value ? " is-selected" : ""}`}>
            <input
              type="radio"
              name="direction"
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={describedBy}
            />
            <span>
              <span class="choice-title">{o.title}</span>
              <span class="choice-text">{o.text}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
