"use client";

import { useActionState } from "react";
import { FormAlert, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { FilesField } from "./fields";

/**
 * One written step on a request: a question to the agency, its answer (with files), a request for
 * reconsideration, a revocation. Errors sit beside the field; what was typed stays after an error.
 */
export function NoteForm({
  action,
  requestId,
  name,
  id,
  title,
  intro,
  label,
  hint,
  submit,
  filesLabel,
  filesHint,
  warning,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  requestId: string;
  name: "note" | "reasons";
  id: string;
  title: string;
  intro?: string;
  label: string;
  hint?: string;
  submit: string;
  filesLabel?: string;
  filesHint?: string;
  /** Shown as a warning before the button (a step that cannot be undone). */
  warning?: string;
}) {
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro && <p>{intro}</p>}
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "ok" && state.message && <FormAlert kind="success">{m(state.message)}</FormAlert>}
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        {state.status === "forbidden" && <FormAlert kind="error">{m("Errors.forbiddenText")}</FormAlert>}
        <input type="hidden" name="requestId" value={requestId} />
        <TextAreaField name={name} id={`${id}-${name}`} label={label} hint={hint} error={m(errors[name] ?? errors.requestId)} defaultValue={values[name]} />
        {filesLabel && filesHint && <FilesField id={`${id}-files`} label={filesLabel} hint={filesHint} error={m(errors.files)} />}
        {warning && <FormAlert kind="warning">{warning}</FormAlert>}
        <button className="usa-button" type="submit" disabled={pending}>
          {submit}
        </button>
      </form>
    </section>
  );
}
