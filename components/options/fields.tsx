/** Small building blocks of the options page: labelled selects, the policy note, messages. */
import type { ComponentChildren } from 'preact';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';

interface Choice {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  /** Fixed by enterprise policy: disabled, with the note. */
  managed?: boolean;
  disabled?: boolean;
  t: OptionsTranslate;
}

export function SelectField({ id, label, value, choices, onChange, managed, disabled, t }: SelectFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={managed || disabled}
        aria-describedby={managed ? `${id}-managed` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {managed && <ManagedNote id={`${id}-managed`} t={t} />}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  /** Shown under the field and describing it (absent: none). */
  hint?: string;
  value: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  invalid?: boolean;
  /** What is wrong with the value, shown beside the field and describing it (the step's alert repeats it). */
  error?: string | null;
  disabled?: boolean;
  onInput: (value: string) => void;
}

/** A labelled text input with its hint and its error (both describing it) and an invalid state. */
export function TextField({
  id,
  label,
  hint,
  value,
  type = 'text',
  autocomplete = 'off',
  invalid,
  error,
  disabled,
  onInput,
}: TextFieldProps) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        // Preact types each input type as its own variant (and its own role); all three are plain text entry here.
        {...({ type } as { type: 'text' })}
        autocomplete={autocomplete}
        spellcheck={false}
        value={value}
        disabled={disabled}
        aria-invalid={invalid || error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldError id={id} error={error} />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A field's own error, right under it (`<id>-error`, for the field's aria-describedby). */
export function FieldError({ id, error }: { id: string; error?: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      {error}
    </p>
  );
}

export function ManagedNote({ id, t }: { id: string; t: OptionsTranslate }) {
  return (
    <p id={id} class="managed">
      {t('managed')}
    </p>
  );
}

/** Errors: role alert, rendered only while there is something to say. */
export function Alert({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" class="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function Status({ children }: { children?: ComponentChildren }) {
  return (
    <p role="status" class="status">
      {children}
    </p>
  );
}
