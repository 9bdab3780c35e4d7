"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { APPLICATION_STEPS, isGroup, itemsFor, STEP_IDS, type FieldDef, type GroupDef, type StepId } from "@/lib/applications/form-definition";
import { groupCount, validateStep, type FormValues } from "@/lib/applications/form-schema";
import type { EvidenceKind, Track } from "@/lib/db/generated/enums";
import { saveStepAction, submitAction } from "@/app/(signed-in)/applications/actions";
import { EvidencePanel, type EvidenceRow } from "./EvidencePanel";

const AUTOSAVE_MS = 2000;

interface Props {
  /** Errors the server found for this step (after a submission was refused for it). */
  initialErrors?: Record<string, string>;
  applicationId: string;
  track: Track;
  step: StepId;
  initialValues: FormValues;
  evidence: EvidenceRow[];
  evidenceKinds: EvidenceKind[];
  noticeVersion: string;
  affirmationVersion: string;
}

/**
 * The application wizard (3.A DRAFT): one step at a time, drawn from the field list
 * (lib/applications/form-definition.ts) and checked with the same rules the server uses. What is
 * typed is saved (sealed) every few seconds and on every step change, so a closed tab loses nothing.
 */
export function ApplicationWizard(props: Props) {
  const { applicationId, track, step } = props;
  const t = useTranslations("Wizard");
  const m = useFormMessage();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(props.initialValues);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [busy, startTransition] = useTransition();
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const legendRef = useRef<HTMLLegendElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ActionState<{ nextStep: StepId }>>({ status: "idle" });
  const [submitState, setSubmitState] = useState<ActionState>({ status: "idle" });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>(props.initialErrors ?? {});
  const stepIndex = STEP_IDS.indexOf(step);
  const stepDef = APPLICATION_STEPS[stepIndex];

  const serverErrors = state.status === "invalid" ? state.errors : submitState.status === "invalid" ? submitState.errors : {};
  const errors = { ...serverErrors, ...clientErrors };
  const errorCount = Object.keys(errors).filter((k) => k !== "step").length;

  // A new step: focus its heading, so a screen reader hears where the person is (the URL alone changes).
  useEffect(() => {
    if (props.initialErrors && Object.keys(props.initialErrors).length) summaryRef.current?.focus();
    else legendRef.current?.focus();
  }, [props.initialErrors]);

  // Errors after a save or a check: move focus to the summary once it is on the page.
  useEffect(() => {
    if (errorCount > 0 && (state.status === "invalid" || submitState.status === "invalid" || Object.keys(clientErrors).length)) summaryRef.current?.focus();
  }, [errorCount, state, submitState, clientErrors]);

  /** The form as the wizard holds it (not as the page shows it): what autosave and the buttons send. */
  const formDataOf = (intent: "autosave" | "next" | "back") => {
    const fd = new FormData();
    fd.set("applicationId", applicationId);
    fd.set("step", step);
    fd.set("intent", intent);
    for (const [k, v] of Object.entries(values)) if (v) fd.set(k, v);
    return fd;
  };

  useEffect(() => {
    if (!dirty) return;
    autosaveTimer.current = setTimeout(() => {
      const fd = formDataOf("autosave");
      startTransition(async () => {
        const r = await saveStepAction({ status: "idle" }, fd);
        if (r.status === "ok") {
          setDirty(false);
          setSaveFailed(false);
          setSavedAt(new Date());
        } else setSaveFailed(true);
      });
    }, AUTOSAVE_MS);
    return () => clearTimeout(autosaveTimer.current);
    // formDataOf reads values, which is a dependency already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, dirty]);

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setDirty(true);
    if (clientErrors[name]) setClientErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)));
  };

  /** Save and move: an explicit save replaces any autosave still waiting. */
  const go = (intent: "next" | "back") => {
    clearTimeout(autosaveTimer.current);
    if (intent === "next") {
      // Checked here first with the server's own rules; the server checks again.
      const found = validateStep(step, track, values);
      setClientErrors(found);
      if (Object.keys(found).length) return;
    }
    const fd = formDataOf(intent);
    startTransition(async () => {
      const r = await saveStepAction({ status: "idle" }, fd);
      setState(r);
      if (r.status === "ok" && r.data) {
        setDirty(false);
        // The wizard is keyed by step: the next step mounts afresh with the saved answers.
        router.push(`/applications/${applicationId}?step=${r.data.nextStep}`);
        router.refresh();
      }
    });
  };

  const submit = () => {
    clearTimeout(autosaveTimer.current);
    const found = validateStep("sign", track, values);
    setClientErrors(found);
    if (Object.keys(found).length) return;
    const save = formDataOf("autosave");
    const send = new FormData();
    send.set("applicationId", applicationId);
    startTransition(async () => {
      // The sign fields are saved first (same rules); a failed save sends nothing.
      const saved = await saveStepAction({ status: "idle" }, save);
      if (saved.status !== "ok") {
        setState(saved);
        setSaveFailed(true);
        return;
      }
      const r = await submitAction({ status: "idle" }, send);
      setSubmitState(r);
      // A submission refused for another step opens that step with its errors shown (?check=1).
      if (r.status === "invalid" && r.errors.step && r.errors.step !== step) router.push(`/applications/${applicationId}?step=${r.errors.step}&check=1`);
    });
  };
  const pending = busy;
  const submitting = busy;

  const errorList = Object.entries(errors).filter(([k]) => k !== "step");

  return (
    <>
      <StepIndicator current={stepIndex} applicationId={applicationId} />
      {errorList.length > 0 && (
        <div className="usa-alert usa-alert--error" role="alert" id="wizard-errors" tabIndex={-1} ref={summaryRef}>
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{t("errorSummary", { count: errorList.length })}</h2>
            <ul className="usa-list">
              {errorList.map(([k, msg]) => (
                <li key={k}>
                  <a href={`#f-${k.replaceAll(".", "-")}`}>
                    {fieldLabel(t, k)}: {m(msg)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {submitState.status === "error" && <FormAlert kind="error">{m(submitState.message)}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {(state.status === "forbidden" || submitState.status === "forbidden") && <FormAlert kind="error">{t("signedOut")}</FormAlert>}
      {saveFailed && <FormAlert kind="warning">{t("notSaved")}</FormAlert>}
      <p className="usa-hint" aria-live="polite">
        {savedAt ? t("savedAt", { time: savedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) }) : t("autosaveHint")}
      </p>

      {step === "evidence" && <EvidencePanel applicationId={applicationId} evidence={props.evidence} kinds={props.evidenceKinds} editable error={m(errors.evidence)} />}
      {step === "sign" && <Summary values={values} track={track} applicationId={applicationId} noticeVersion={props.noticeVersion} affirmationVersion={props.affirmationVersion} />}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
          go(intent === "back" ? "back" : "next");
        }}
        className="usa-form usa-form--large acp-wizard"
        noValidate
      >
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="step" value={step} />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large" ref={legendRef} tabIndex={-1}>
            {t(`steps.${step}`)}
          </legend>
          <p className="usa-hint">{t(`stepIntro.${step}`)}</p>
          {itemsFor(stepDef, track).map((item) =>
            isGroup(item) ? (
              <Group key={item.group} group={item} values={values} errors={errors} setValues={(fn) => { setValues(fn); setDirty(true); }} set={set} />
            ) : (
              <Input key={item.name} f={item} name={item.name} prefix="" values={values} error={m(errors[item.name])} set={set} />
            ),
          )}
        </fieldset>
        {/* "Save and continue" comes first: pressing Enter in a field submits with the first button. */}
        <div className="acp-wizard__buttons">
          {step !== "sign" && (
            <button className="usa-button" type="submit" name="intent" value="next" disabled={pending}>
              {t("saveContinue")}
            </button>
          )}
          {stepIndex > 0 && (
            <button className="usa-button usa-button--outline" type="submit" name="intent" value="back" disabled={pending}>
              {t("back")}
            </button>
          )}
        </div>
      </form>
      {step === "sign" && (
        <form
          className="usa-form usa-form--large"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <button className="usa-button usa-button--big" type="submit" disabled={submitting}>
            {t("submit")}
          </button>
        </form>
      )}
    </>
  );
}

type T = ReturnType<typeof useTranslations<"Wizard">>;

function fieldLabel(t: T, flat: string): string {
  if (flat === "confidential" || flat === "household" || flat === "evidence") return t(`sections.${flat}`);
  const parts = flat.split(".");
  const name = parts.length === 3 ? `${parts[0]}.${parts[2]}` : flat;
  const key = `fields.${name}` as Parameters<T>[0];
  const label = t.has(key) ? t(key) : flat;
  return parts.length === 3 ? `${label} (${Number(parts[1]) + 1})` : label;
}

function StepIndicator({ current }: { current: number; applicationId: string }) {
  const t = useTranslations("Wizard");
  return (
    <div className="usa-step-indicator usa-step-indicator--counters-sm" aria-label={t("progress")}>
      <ol className="usa-step-indicator__segments">
        {STEP_IDS.map((s, i) => (
          <li
            key={s}
            className={`usa-step-indicator__segment${i < current ? " usa-step-indicator__segment--complete" : i === current ? " usa-step-indicator__segment--current" : ""}`}
            aria-current={i === current ? "step" : undefined}
          >
            <span className="usa-step-indicator__segment-label">
              {t(`steps.${s}`)} {i < current && <span className="usa-sr-only">{t("completed")}</span>}
            </span>
          </li>
        ))}
      </ol>
      <div className="usa-step-indicator__header">
        <h2 className="usa-step-indicator__heading">
          <span className="usa-step-indicator__heading-counter">
            <span className="usa-sr-only">{t("stepWord")}</span>
            <span className="usa-step-indicator__current-step">{current + 1}</span> <span className="usa-step-indicator__total-steps">{t("ofTotal", { total: STEP_IDS.length })}</span>
          </span>
          <span className="usa-step-indicator__heading-text">{t(`steps.${STEP_IDS[current]}`)}</span>
        </h2>
      </div>
    </div>
  );
}

function Input({ f, name, prefix, values, error, set }: { f: FieldDef; name: string; prefix: string; values: FormValues; error?: string; set: (n: string, v: string) => void }) {
  const t = useTranslations("Wizard");
  if (f.when && !f.when.in.includes(values[`${prefix}${f.when.field}`] ?? "")) return null;
  const id = `f-${name.replaceAll(".", "-")}`;
  const labelKey = `fields.${prefix ? `${prefix.split(".")[0]}.${f.name}` : f.name}` as Parameters<T>[0];
  const hintKey = `hints.${prefix ? `${prefix.split(".")[0]}.${f.name}` : f.name}` as Parameters<T>[0];
  const label = t(labelKey) + (f.required ? "" : ` ${t("optional")}`);
  const hint = t.has(hintKey) ? t(hintKey) : undefined;
  const value = values[name] ?? "";
  switch (f.kind) {
    case "select":
      return (
        <SelectField id={id} name={name} label={label} hint={hint} error={error} value={value} onChange={(v) => set(name, v)} placeholder={t("choose")} options={(f.options ?? []).map((o) => ({ value: o, label: t(`options.${o}` as Parameters<T>[0]) }))} />
      );
    case "choices": {
      const chosen = new Set(value ? value.split(",") : []);
      return (
        <fieldset className={`usa-fieldset usa-form-group${error ? " usa-form-group--error" : ""}`} id={id} tabIndex={-1}>
          <legend className="usa-legend">{label}</legend>
          {hint && <span className="usa-hint">{hint}</span>}
          {error && <span className="usa-error-message" role="alert">{error}</span>}
          <input type="hidden" name={name} value={value} />
          {(f.options ?? []).map((o) => (
            <div className="usa-checkbox" key={o}>
              <input
                className="usa-checkbox__input"
                id={`${id}-${o}`}
                type="checkbox"
                checked={chosen.has(o)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o);
                  else next.delete(o);
                  set(name, [...next].join(","));
                }}
              />
              <label className="usa-checkbox__label" htmlFor={`${id}-${o}`}>
                {t(`options.${o}` as Parameters<T>[0])}
              </label>
            </div>
          ))}
        </fieldset>
      );
    }
    case "agree":
      return (
        <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
          {error && <span className="usa-error-message" id={`${id}-error`}>{error}</span>}
          <div className="usa-checkbox">
            <input className="usa-checkbox__input" id={id} type="checkbox" name={name} value="yes" checked={value === "yes"} onChange={(e) => set(name, e.target.checked ? "yes" : "")} aria-describedby={error ? `${id}-error` : undefined} />
            <label className="usa-checkbox__label" htmlFor={id}>
              {label}
            </label>
          </div>
        </div>
      );
    default:
      return (
        <Field
          id={id}
          name={name}
          label={label}
          hint={hint ?? (f.kind === "date" || f.kind === "past-date" ? t("dateHint") : undefined)}
          error={error}
          value={value}
          onChange={(e) => set(name, e.target.value)}
          type={f.kind === "date" || f.kind === "past-date" ? "date" : f.kind === "email" ? "email" : f.kind === "phone" ? "tel" : "text"}
          inputMode={f.kind === "zip" ? "numeric" : undefined}
          autoComplete={f.autoComplete ?? "off"}
          className={f.kind === "zip" ? "usa-input--small" : undefined}
        />
      );
  }
}

function Group({ group, values, errors, setValues, set }: { group: GroupDef; values: FormValues; errors: Record<string, string>; setValues: (fn: (v: FormValues) => FormValues) => void; set: (n: string, v: string) => void }) {
  const t = useTranslations("Wizard");
  const m = useFormMessage();
  const [count, setCount] = useState(Math.max(groupCount(values, group.group), group.min));
  const remove = (index: number) => {
    // Rows stay numbered 0..n-1: the ones after the removed row move up.
    setValues((v) => {
      const out: FormValues = {};
      for (const [k, val] of Object.entries(v)) {
        const mm = new RegExp(`^${group.group}\\.(\\d+)\\.(.+)$`).exec(k);
        if (!mm) out[k] = val;
        else if (Number(mm[1]) < index) out[k] = val;
        else if (Number(mm[1]) > index) out[`${group.group}.${Number(mm[1]) - 1}.${mm[2]}`] = val;
      }
      return out;
    });
    setCount((c) => c - 1);
  };
  return (
    <div id={`f-${group.group}`} tabIndex={-1}>
      {errors[group.group] && <span className="usa-error-message">{m(errors[group.group])}</span>}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="usa-fieldset acp-wizard__row">
          <legend className="usa-legend">{t(`groups.${group.group}` as Parameters<T>[0], { n: i + 1 })}</legend>
          {group.fields.map((f) => (
            <Input key={f.name} f={f} name={`${group.group}.${i}.${f.name}`} prefix={`${group.group}.${i}.`} values={values} error={m(errors[`${group.group}.${i}.${f.name}`])} set={set} />
          ))}
          {count > group.min && (
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => remove(i)}>
              {t("removeRow", { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {count < group.max && (
        <button type="button" className="usa-button usa-button--outline" onClick={() => setCount((c) => c + 1)}>
          {t(`addRow.${group.group}` as Parameters<T>[0])}
        </button>
      )}
    </div>
  );
}

function Summary({ values, track, applicationId, noticeVersion, affirmationVersion }: { values: FormValues; track: Track; applicationId: string; noticeVersion: string; affirmationVersion: string }) {
  const t = useTranslations("Wizard");
  return (
    <section aria-labelledby="summary-heading" className="acp-summary">
      <h2 id="summary-heading">{t("summaryTitle")}</h2>
      {APPLICATION_STEPS.filter((s) => s.id !== "sign" && s.id !== "evidence").map((s) => (
        <div key={s.id}>
          <h3>
            {t(`steps.${s.id}`)} <a href={`/applications/${applicationId}?step=${s.id}`}>{t("change")}<span className="usa-sr-only"> {t(`steps.${s.id}`)}</span></a>
          </h3>
          <dl className="acp-facts">
            {itemsFor(s, track).flatMap((item) =>
              isGroup(item)
                ? Array.from({ length: groupCount(values, item.group) }, (_, i) =>
                    item.fields.map((f) => <SummaryRow key={`${item.group}.${i}.${f.name}`} t={t} name={`${item.group}.${i}.${f.name}`} f={f} values={values} />),
                  ).flat()
                : [<SummaryRow key={item.name} t={t} name={item.name} f={item} values={values} />],
            )}
          </dl>
        </div>
      ))}
      <h3>{t("noticeTitle")}</h3>
      <div className="usa-summary-box">
        <div className="usa-summary-box__body">
          <p>{t("notice.use")}</p>
          <p>{t("notice.required")}</p>
          <p>{t("notice.refuse")}</p>
          <p>{t("noticeVersion", { version: noticeVersion })}</p>
        </div>
      </div>
      <h3>{t("affirmationTitle")}</h3>
      <div className="usa-summary-box">
        <div className="usa-summary-box__body">
          <p>{t("affirmation.statement")}</p>
          <p>{t("affirmation.penalty")}</p>
          <p>{t("affirmationVersion", { version: affirmationVersion })}</p>
        </div>
      </div>
    </section>
  );
}

function SummaryRow({ t, name, f, values }: { t: T; name: string; f: FieldDef; values: FormValues }) {
  const prefix = name.split(".").length === 3 ? name.split(".").slice(0, 2).join(".") + "." : "";
  if (f.when && !f.when.in.includes(values[`${prefix}${f.when.field}`] ?? "")) return null;
  const v = values[name] ?? "";
  const shown = !v ? "—" : f.kind === "select" || f.kind === "choices" ? v.split(",").map((o) => t(`options.${o}` as Parameters<T>[0])).join(", ") : f.kind === "agree" ? t("yes") : v;
  return (
    <>
      <dt>{fieldLabel(t, name)}</dt>
      <dd>{shown}</dd>
    </>
  );
}
