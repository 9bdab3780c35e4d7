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
