import type { ChangeEvent, InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/** Label, hint and error around one control: the message sits beside the field and is announced with it. */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * A USWDS text field bound to its error; it keeps what the person typed (`defaultValue`, or a
 * controlled `value`).
 */
export function Field({
  name,
  label,
  hint,
  error,
  defaultValue,
  id,
  className,
  ...input
}: { name: string; label: string; hint?: string; error?: string; defaultValue?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error}>
      <input
        className={`usa-input${error ? " usa-input--error" : ""}${className ? ` ${className}` : ""}`}
        id={inputId}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldFrame>
  );
}

/** A USWDS select bound to its error and hint, like Field. */
export function SelectField({
  name,
  label,
  hint,
  error,
  defaultValue,
  id,
  options,
  placeholder,
  value,
  onChange,
}: {
  value?: string;
  onChange?: (value: string) => void;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  id?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const selectId = id ?? name;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error}>
      <select
        className={`usa-select${error ? " usa-input--error" : ""}`}
        id={selectId}
        name={name}
        {...(value !== undefined ? { value, onChange: (e: ChangeEvent<HTMLSelectElement>) => onChange?.(e.target.value) } : { defaultValue: defaultValue ?? "" })}
        aria-describedby={describedBy(selectId, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function FormAlert({ kind, children }: { kind: "error" | "success" | "info" | "warning"; children: React.ReactNode }) {
  return (
    <div className={`usa-alert usa-alert--${kind} usa-alert--slim`} role={kind === "error" ? "alert" : "status"}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}

/** A USWDS text area bound to its hint and error, like Field. */
export function TextAreaField({
  name,
  id,
  label,
  hint,
  error,
  defaultValue,
  ...rest
}: { name: string; id?: string; label: string; hint?: string; error?: string; defaultValue?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fieldId = id ?? name;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error}>
      <textarea className={`usa-textarea${error ? " usa-input--error" : ""}`} id={fieldId} name={name} defaultValue={defaultValue} aria-describedby={describedBy(fieldId, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </FieldFrame>
  );
}

/** A USWDS checkbox that sends "yes" when ticked, with its error beside it (controlled when `checked` is given). */
export function CheckboxField({
  name,
  id,
  label,
  error,
  defaultChecked,
  checked,
  onChange,
}: {
  name?: string;
  id?: string;
  label: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  const fieldId = id ?? name ?? "";
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      {error && (
        <span className="usa-error-message" id={`${fieldId}-error`}>
          {error}
        </span>
      )}
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          type="checkbox"
          id={fieldId}
          name={name}
          value="yes"
          {...(checked !== undefined ? { checked, onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.(e.target.checked) } : { defaultChecked })}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          aria-invalid={error ? true : undefined}
        />
        <label className="usa-checkbox__label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
    </div>
  );
}
