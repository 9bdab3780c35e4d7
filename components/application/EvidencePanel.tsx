"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import type { EvidenceKind, ScanStatus } from "@/lib/db/generated/enums";
import { removeEvidenceAction, uploadEvidenceAction } from "@/app/(signed-in)/applications/actions";

export interface EvidenceRow {
  id: string;
  kind: EvidenceKind;
  mediaType: string;
  sizeBytes: number;
  scanStatus: ScanStatus;
  uploadedAt: string;
}

/**
 * Evidence files (130.04(2)(c), (j), (3)): the list the uploader may see (kind, type, size, scan
 * result; never the content once sent) and the upload form. PDF, PNG or JPEG, 10 MB at most.
 */
export function EvidencePanel({ applicationId, evidence, kinds, editable, error }: { applicationId: string; evidence: EvidenceRow[]; kinds: EvidenceKind[]; editable: boolean; error?: string }) {
  const t = useTranslations("Wizard.evidence");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(uploadEvidenceAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <section aria-labelledby="evidence-heading" className="acp-evidence">
      <h2 id="evidence-heading">{t("title")}</h2>
      <p>{t("intro")}</p>
      {error && (
        <div id="f-evidence" tabIndex={-1}>
          <FormAlert kind="error">{error}</FormAlert>
        </div>
      )}
      {evidence.length > 0 ? (
        <table className="usa-table usa-table--borderless acp-table">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colKind")}</th>
              <th scope="col">{t("colType")}</th>
              <th scope="col">{t("colSize")}</th>
              <th scope="col">{t("colScan")}</th>
              {editable && <th scope="col">{t("colAction")}</th>}
            </tr>
          </thead>
          <tbody>
            {evidence.map((e, i) => (
              <tr key={e.id}>
                <td>{t(`kinds.${e.kind}`)}</td>
                <td>{e.mediaType === "application/pdf" ? "PDF" : e.mediaType === "image/png" ? "PNG" : "JPEG"}</td>
                <td>{t("size", { kb: Math.max(1, Math.round(e.sizeBytes / 1024)) })}</td>
                <td>{t(`scan.${e.scanStatus}`)}</td>
                {editable && (
                  <td>
                    <RemoveButton applicationId={applicationId} evidenceId={e.id} n={i + 1} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("none")}</p>
      )}
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "ok" && <FormAlert kind="success">{t("uploaded")}</FormAlert>}
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <input type="hidden" name="applicationId" value={applicationId} />
        <SelectField name="kind" id="evidence-kind" label={t("kind")} hint={t("kindHint")} error={m(errors.kind)} defaultValue={values.kind} placeholder={t("choose")} options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <div className={`usa-form-group${errors.file ? " usa-form-group--error" : ""}`}>
          <label className="usa-label" htmlFor="evidence-file">
            {t("file")}
          </label>
          <span className="usa-hint" id="evidence-file-hint">
            {t("fileHint")}
          </span>
          {errors.file && (
            <span className="usa-error-message" id="evidence-file-error">
              {m(errors.file)}
            </span>
          )}
          <input className="usa-file-input" id="evidence-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby={`evidence-file-hint${errors.file ? " evidence-file-error" : ""}`} />
        </div>
        <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
          {pending ? t("uploading") : t("upload")}
        </button>
      </form>
    </section>
  );
}

function RemoveButton({ applicationId, evidenceId, n }: { applicationId: string; evidenceId: string; n: number }) {
  const t = useTranslations("Wizard.evidence");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(removeEvidenceAction, { status: "idle" });
  return (
    <form action={formAction}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending}>
        {t("remove", { n })}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
