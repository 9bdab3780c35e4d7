import type { InputHTMLAttributes } from "react";

/**
 * A USWDS text field bound to its error: the message sits beside the field, is announced with it,
 * and the field keeps what the person typed (`defaultValue`).
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
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <label className="usa-label" htmlFor={inputId}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={`${inputId}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${inputId}-error`}>
          {error}
        </span>
      )}
      <input
        className={`usa-input${error ? " usa-input--error" : ""}${className ? ` ${className}` : ""}`}
        id={inputId}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
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
}: {
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
  const describedBy = [hint ? `${selectId}-hint` : null, error ? `${selectId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <label className="usa-label" htmlFor={selectId}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={`${selectId}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${selectId}-error`}>
          {error}
        </span>
      )}
      <select className={`usa-select${error ? " usa-input--error" : ""}`} id={selectId} name={name} defaultValue={defaultValue ?? ""} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
