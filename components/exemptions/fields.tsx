import type { ReactNode, TextareaHTMLAttributes } from "react";

// Form controls the exemption forms need beside components/form/Field.tsx: a text area, a single
// checkbox and a file input, each with its label, hint and error announced together.

function described(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
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

export function TextAreaField({ name, id, label, hint, error, defaultValue, ...rest }: { name: string; id?: string; label: string; hint?: string; error?: string; defaultValue?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fieldId = id ?? name;
  return (
    <Frame id={fieldId} label={label} hint={hint} error={error}>
      <textarea className={`usa-textarea${error ? " usa-input--error" : ""}`} id={fieldId} name={name} defaultValue={defaultValue} aria-describedby={described(fieldId, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Frame>
  );
}

export function CheckboxField({ name, id, label, error, defaultChecked }: { name: string; id?: string; label: string; error?: string; defaultChecked?: boolean }) {
  const fieldId = id ?? name;
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      {error && (
        <span className="usa-error-message" id={`${fieldId}-error`}>
          {error}
        </span>
      )}
      <div className="usa-checkbox">
        <input className="usa-checkbox__input" type="checkbox" id={fieldId} name={name} value="yes" defaultChecked={defaultChecked} aria-describedby={error ? `${fieldId}-error` : undefined} aria-invalid={error ? true : undefined} />
        <label className="usa-checkbox__label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
    </div>
  );
}

/** PDF, PNG or JPEG; checked by content on the server (lib/exemptions/attachments.ts). */
export function FilesField({ id, label, hint, error }: { id: string; label: string; hint: string; error?: string }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input className="usa-file-input" id={id} name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby={described(id, hint, error)} />
    </Frame>
  );
}
