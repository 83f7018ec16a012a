import type { ComponentChildren, JSX } from "preact";
import { useId } from "preact/hooks";

interface Common {
  label: string;
  hint?: ComponentChildren;
  error?: string;
  /** Shown after the label: "(optional)". */
  optional?: boolean;
  /** Marks the field invalid when the error is shown elsewhere (a whole group's "required"). */
  invalid?: boolean;
}

function describe(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Frame({ id, label, hint: givenHint, error, optional, children }: Common & { id: string; children: ComponentChildren }) {
  // When the API's message repeats the hint word for word, say it once.
  const hint = givenHint === error ? undefined : givenHint;
  return (
    <div class={`field${error ? " has-error" : ""}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Common & { value: string; onValue: (value: string) => void } & Omit<
    JSX.InputHTMLAttributes<HTMLInputElement>,
    "value" | "onInput" | "label"
  >;

/** A labelled text input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, optional, invalid, value, onValue, class: cls, ...rest }: InputProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        class={`input ${cls ?? ""}`}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error || invalid ? "true" : undefined}
        aria-describedby={describe(id, hint === error ? undefined : hint, error)}
        {...rest}
      />
    </Frame>
  );
}

type SelectProps = Common & {
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
};

/** A labelled native select. */
export function SelectField({ label, hint, error, optional, value, onValue, options }: SelectProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        class="input"
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describe(id, hint === error ? undefined : hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type AreaProps = Common & { value: string; onValue: (value: string) => void; rows?: number; placeholder?: string };

/** A labelled textarea, monospace for signatures and JSON. */
export function TextAreaField({ label, hint, error, optional, value, onValue, rows = 3, placeholder }: AreaProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        class="input mono"
        rows={rows}
        value={value}
        placeholder={placeholder}
        spellcheck={false}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describe(id, hint === error ? undefined : hint, error)}
      />
    </Frame>
  );
}
