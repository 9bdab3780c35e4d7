import type { ReactNode } from "react";

/** A USWDS checkbox that sends "yes" when ticked, with its error beside it. */
export function CheckboxField({ name, id, label, error, defaultChecked, checked, onChange }: { name?: string; id: string; label: ReactNode; error?: string; defaultChecked?: boolean; checked?: boolean; onChange?: (checked: boolean) => void }) {
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          {...(checked !== undefined ? { checked, onChange: (e) => onChange?.(e.target.checked) } : { defaultChecked })}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
        />
        <label className="usa-checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

/** A USWDS text area bound to its hint and error, like Field. */
export function TextAreaField({ name, id, label, hint, error, defaultValue }: { name: string; id: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
      <textarea className={`usa-textarea${error ? " usa-input--error" : ""}`} id={id} name={name} defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
    </div>
  );
}

/** A set of checkboxes sent as one comma-separated field (the action wrapper keeps one value per name). */
export function FieldChoice({ name, idPrefix, legend, hint, error, options, value, onChange }: { name: string; idPrefix: string; legend: string; hint?: string; error?: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? " usa-form-group--error" : ""}`} aria-describedby={[hint ? `${idPrefix}-hint` : null, error ? `${idPrefix}-error` : null].filter(Boolean).join(" ") || undefined}>
      <legend className="usa-legend">{legend}</legend>
      {hint && (
        <span className="usa-hint" id={`${idPrefix}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${idPrefix}-error`}>
          {error}
        </span>
      )}
      <input type="hidden" name={name} value={value.join(",")} />
      {options.map((o) => (
        <div className="usa-checkbox" key={o.value}>
          <input
            className="usa-checkbox__input"
            type="checkbox"
            id={`${idPrefix}-${o.value}`}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
          />
          <label className="usa-checkbox__label" htmlFor={`${idPrefix}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
