import { z } from "zod";
import type { Track } from "../db/generated/enums";
import { isoDate as isoDateOf, todayInMassachusetts } from "../dates/calendar";
import { APPLICATION_STEPS, isGroup, itemsFor, STEP_IDS, type FieldDef, type StepId } from "./form-definition";

/**
 * Validation of the application form, built from the field list (form-definition.ts). The same
 * functions run in the wizard (as the person types) and on the server (before anything is saved as
 * complete or submitted). Messages are keys under Validation.*; errors are keyed by the flat field
 * name, so each sits beside its field.
 */

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

// A date of birth may be today's Massachusetts date at most, whatever the server's or browser's zone.
const today = () => isoDateOf(todayInMassachusetts());
const today_ = today;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Validation.dateFormat")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Validation.dateFormat");

/** One zod schema per kind of field: the shared rules. */
export const FIELD_SCHEMAS = {
  text: (max = 120) => z.string().trim().max(max, max <= 60 ? "Validation.max60" : "Validation.max120"),
  date: () => isoDate,
  "past-date": () => isoDate.refine((s) => s <= today() && s >= "1900-01-01", "Validation.dateOfBirth"),
  select: (options: readonly string[]) => z.enum(options as [string, ...string[]], { error: "Validation.choose" }),
  choices: (options: readonly string[]) => z.string().refine((s) => s.split(",").every((v) => options.includes(v)), "Validation.choose"),
  agree: () => z.literal("yes", { error: "Validation.tickToConfirm" }),
  // Ten digits once spaces, dashes, dots and brackets are taken out (a US number), or + and 8–15 digits.
  phone: () => z.string().trim().refine((s) => /^(\+\d{8,15}|1?\d{10})$/.test(s.replace(/[\s().-]/g, "")), "Validation.phone"),
  email: () => z.email("Validation.emailFormat").max(120, "Validation.max120"),
  zip: () => z.string().trim().regex(/^\d{5}(-\d{4})?$/, "Validation.zip"),
} as const;

/** Massachusetts ZIP codes start 010–027 or 055 (130.04(2)(a): the applicant lives in Massachusetts). */
export const isMassachusettsZip = (zip: string) => /^(0(1\d|2[0-7])|055)\d{2}(-\d{4})?$/.test(zip.trim());

function schemaFor(f: FieldDef): z.ZodType {
  switch (f.kind) {
    case "text":
      return FIELD_SCHEMAS.text(f.max);
    case "select":
      return FIELD_SCHEMAS.select(f.options ?? []);
    case "choices":
      return FIELD_SCHEMAS.choices(f.options ?? []);
    default:
      return FIELD_SCHEMAS[f.kind]();
  }
}

function applies(f: FieldDef, values: FormValues, prefix: string): boolean {
  if (!f.when) return true;
  return f.when.in.includes(values[`${prefix}${f.when.field}`] ?? "");
}

function checkField(f: FieldDef, name: string, values: FormValues, prefix: string, errors: FieldErrors) {
  if (!applies(f, values, prefix)) return;
  const v = (values[name] ?? "").trim();
  if (!v) {
    if (f.required) errors[name] = f.kind === "agree" ? "Validation.tickToConfirm" : f.kind === "select" || f.kind === "choices" ? "Validation.choose" : "Validation.required";
    return;
  }
  const r = schemaFor(f).safeParse(v);
  if (!r.success) errors[name] = r.error.issues[0]?.message ?? "Validation.required";
  else if (name === "residenceZip" && !isMassachusettsZip(v)) errors[name] = "Validation.zipMassachusetts";
}

/** 18 or older on today's Massachusetts date (an unreadable date is not treated as adult). */
export function isAdult(dateOfBirth: string, today = today_()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return false;
  const eighteenth = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`;
  return eighteenth <= today;
}

/** How many rows of a repeated group the values hold (rows are numbered from 0 with no gaps). */
export function groupCount(values: FormValues, group: string): number {
  let n = 0;
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${group}\\.(\\d{1,2})\\.`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** The errors of one step, for a track. Empty when the step is complete. */
export function validateStep(stepId: StepId, track: Track, values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const step = APPLICATION_STEPS.find((s) => s.id === stepId)!;
  for (const item of itemsFor(step, track)) {
    if (isGroup(item)) {
      const count = groupCount(values, item.group);
      if (count < item.min) errors[item.group] = "Validation.addOne";
      if (count > item.max) errors[item.group] = "Validation.tooMany";
      for (let i = 0; i < Math.min(count, item.max); i++) {
        for (const f of item.fields) checkField(f, `${item.group}.${i}.${f.name}`, values, `${item.group}.${i}.`, errors);
      }
    } else {
      checkField(item, item.name, values, "", errors);
    }
  }
  // 130.04(2)(d), (j): certification covers the applicant's minor children and wards; an adult in the
  // household applies (and affirms) for themself.
  if (stepId === "household") {
    for (let i = 0; i < groupCount(values, "household"); i++) {
      const name = `household.${i}.covered`;
      if (values[name] !== "YES" || errors[name]) continue;
      const relationship = values[`household.${i}.relationship`];
      if (relationship !== "CHILD" && relationship !== "WARD") errors[name] = "Validation.coveredChildOrWard";
      else if (relationship === "CHILD" && isAdult(values[`household.${i}.dateOfBirth`] ?? "")) errors[name] = "Validation.coveredChildAdult";
    }
  }
  // §2(2)(i), 130.04(2)(d): the applicant signs in their own name.
  if (stepId === "sign" && values.applicantSignature && !errors.applicantSignature) {
    const typed = values.applicantSignature.trim().toLowerCase().replace(/\s+/g, " ");
    const name = `${values.firstName ?? ""} ${values.lastName ?? ""}`.trim().toLowerCase().replace(/\s+/g, " ");
    if (name && typed !== name) errors.applicantSignature = "Validation.signatureName";
  }
  return errors;
}

/** Every step's errors, for submission: the first incomplete step is where the wizard goes back to. */
export function validateApplication(track: Track, values: FormValues): { step: StepId; errors: FieldErrors } | null {
  for (const id of STEP_IDS) {
    const errors = validateStep(id, track, values);
    if (Object.keys(errors).length) return { step: id, errors };
  }
  return null;
}
