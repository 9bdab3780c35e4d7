import type { Track } from "../db/generated/enums";

/**
 * The application form as configuration (U-1): the field list is the superset of §2(2) and
 * 130.04(2)(a)–(j) with the 950 CMR 131.00 equivalents, kept here in one place so counsel can align
 * it to the statute without touching the wizard or the validation (lib/applications/form-schema.ts
 * builds the zod schemas from this list; components/application renders it).
 *
 * Labels and hints are message keys under `Wizard.fields.<name>` (and `.hint`), options under
 * `Wizard.options.<option>`. Values travel as flat strings keyed by the field name; a repeated
 * group's fields are named `<group>.<index>.<field>`.
 */

export type FieldKind =
  | "text"
  | "date" // a calendar date, YYYY-MM-DD
  | "past-date" // a date of birth: not in the future
  | "select"
  | "choices" // several checkboxes; at least one when required
  | "agree" // one checkbox that must be ticked
  | "phone"
  | "email"
  | "zip";

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Only on this track (U-13 hides assistant fields on the health-care track). */
  track?: Track;
  options?: readonly string[];
  /** Shown and required only when another field has one of these values. */
  when?: { field: string; in: readonly string[] };
  max?: number;
  autoComplete?: string;
}

export interface GroupDef {
  group: string;
  min: number;
  max: number;
  fields: readonly FieldDef[];
  track?: Track;
}

export type StepItem = FieldDef | GroupDef;

export interface StepDef {
  id: StepId;
  items: readonly StepItem[];
}

export const STEP_IDS = ["applicant", "eligibility", "contact", "confidential", "household", "evidence", "agreements", "sign"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The version of this field list, stored with every application (U-1). Bump it when fields change. */
export const FORM_VERSION = "2026-11-24";

const ADDRESS = (prefix: string, required: boolean, when?: FieldDef["when"]): FieldDef[] => {
  const n = (part: string) => (prefix ? `${prefix}${part[0].toUpperCase()}${part.slice(1)}` : part);
  // 130.02 "Residential Address": street number and name, city or town, ZIP.
  return [
    { name: n("street"), kind: "text", required, when, max: 120, autoComplete: "off" },
    { name: n("unit"), kind: "text", max: 40, when, autoComplete: "off" },
    { name: n("city"), kind: "text", required, when, max: 60, autoComplete: "off" },
    { name: n("zip"), kind: "zip", required, when, autoComplete: "off" },
  ];
};

export const QUALIFYING_CATEGORIES = ["DOMESTIC_VIOLENCE", "RAPE", "SEXUAL_ASSAULT", "STALKING"] as const;
export const HEALTH_CARE_ACTIVITIES = ["PROVIDES", "FACILITATES", "PROMOTES"] as const;
export const APPLICANT_TYPES = ["SELF", "PARENT_OF_MINOR", "GUARDIAN_OF_INCAPACITATED"] as const;
export const CONFIDENTIAL_KINDS = ["RESIDENCE", "SCHOOL", "WORK"] as const;
export const RELATIONSHIPS = ["CHILD", "WARD", "PARTNER", "OTHER_ADULT"] as const;

export const APPLICATION_STEPS: readonly StepDef[] = [
  {
    id: "applicant",
    items: [
      { name: "firstName", kind: "text", required: true, max: 60, autoComplete: "off" },
      { name: "lastName", kind: "text", required: true, max: 60, autoComplete: "off" },
      { name: "otherNames", kind: "text", max: 120, autoComplete: "off" },
      { name: "dateOfBirth", kind: "past-date", required: true },
      // §2(1)(a): for oneself, or as parent/guardian of a minor, or guardian of an incapacitated person.
      { name: "applicantType", kind: "select", required: true, options: APPLICANT_TYPES, track: "SURVIVOR" },
      // 130.04(2)(j): the person applied for, when it is not the applicant.
      { name: "forFirstName", kind: "text", required: true, max: 60, when: { field: "applicantType", in: ["PARENT_OF_MINOR", "GUARDIAN_OF_INCAPACITATED"] }, autoComplete: "off" },
      { name: "forLastName", kind: "text", required: true, max: 60, when: { field: "applicantType", in: ["PARENT_OF_MINOR", "GUARDIAN_OF_INCAPACITATED"] }, autoComplete: "off" },
      { name: "forDateOfBirth", kind: "past-date", required: true, when: { field: "applicantType", in: ["PARENT_OF_MINOR", "GUARDIAN_OF_INCAPACITATED"] } },
    ],
  },
  {
    id: "eligibility",
    items: [
      // 130.04(2)(a): currently lives in Massachusetts.
      { name: "livesInMassachusetts", kind: "agree", required: true },
      // 130.04(2)(b): the qualifying victimisation, stored as codes (2.1).
      { name: "qualifyingCategories", kind: "choices", required: true, options: QUALIFYING_CATEGORIES, track: "SURVIVOR" },
      // §2(1)(b), 950 CMR 131.00: legally-protected health care activity.
      { name: "healthCareActivity", kind: "select", required: true, options: HEALTH_CARE_ACTIVITIES, track: "HEALTH_CARE" },
      { name: "healthCareRole", kind: "text", required: true, max: 120, track: "HEALTH_CARE", autoComplete: "off" },
      // U-17: "recently relocated" is asked and recorded; it never blocks an application.
      { name: "recentlyRelocated", kind: "select", options: ["YES", "NO", "NOT_SURE"] },
    ],
  },
  {
    id: "contact",
    items: [
      // 130.04(2)(h): residential address, mailing address if different, phone numbers.
      ...ADDRESS("residence", true),
      { name: "mailingSame", kind: "select", required: true, options: ["YES", "NO"] },
      ...ADDRESS("mailing", true, { field: "mailingSame", in: ["NO"] }),
      { name: "phone", kind: "phone", required: true, autoComplete: "off" },
      { name: "phoneAlt", kind: "phone", autoComplete: "off" },
      { name: "email", kind: "email", max: 120, autoComplete: "off" },
    ],
  },
  {
    id: "confidential",
    items: [
      // 130.04(2)(i), §1: the home, school or work addresses that must not be disclosed.
      { group: "confidential", min: 1, max: 6, fields: [{ name: "kind", kind: "select", required: true, options: CONFIDENTIAL_KINDS }, ...ADDRESS("", true)] },
    ],
  },
  {
    id: "household",
    items: [
      // 130.04(2)(d), (j): household members covered by the application (minor children, wards).
      {
        group: "household",
        min: 0,
        max: 10,
        fields: [
          { name: "firstName", kind: "text", required: true, max: 60, autoComplete: "off" },
          { name: "lastName", kind: "text", required: true, max: 60, autoComplete: "off" },
          { name: "dateOfBirth", kind: "past-date", required: true },
          { name: "relationship", kind: "select", required: true, options: RELATIONSHIPS },
          { name: "covered", kind: "select", required: true, options: ["YES", "NO"] },
        ],
      },
    ],
  },
  // Evidence is uploaded file by file (lib/applications/evidence.ts); the step holds no fields.
  { id: "evidence", items: [] },
  {
    id: "agreements",
    items: [
      // §2(2)(ii): the Secretary as agent for service of process and first-class mail.
      { name: "agentDesignation", kind: "agree", required: true },
      // 130.04(2)(f), (g): written agreements.
      { name: "useSubstituteAddress", kind: "agree", required: true },
      { name: "followRules", kind: "agree", required: true },
      // 130.04(2)(e), (5): the authorization-card form: the name to print on the card.
      { name: "cardName", kind: "text", required: true, max: 60, autoComplete: "off" },
    ],
  },
  {
    id: "sign",
    items: [
      // SEC-15: the collection notice is shown on the page; its version is stored on submission.
      { name: "collectionNoticeRead", kind: "agree", required: true },
      // 130.04(2)(d): affirmation under penalty of perjury (wording from counsel, U-2).
      { name: "dangerAffirmation", kind: "agree", required: true },
      // §2(2)(i): the applicant's signature: typed name and consent.
      { name: "applicantSignature", kind: "text", required: true, max: 120, autoComplete: "off" },
      { name: "applicantConsent", kind: "agree", required: true },
      // §2(2)(i): the assistant's signature and registration number (hidden on the health-care track, U-13).
      { name: "assistantSignature", kind: "text", required: true, max: 120, track: "SURVIVOR", autoComplete: "off" },
      { name: "assistantRegistrationNumber", kind: "text", required: true, max: 20, track: "SURVIVOR", autoComplete: "off" },
      { name: "assistantConsent", kind: "agree", required: true, track: "SURVIVOR" },
    ],
  },
];

export const isGroup = (i: StepItem): i is GroupDef => "group" in i;

export function stepDef(id: StepId): StepDef {
  return APPLICATION_STEPS.find((s) => s.id === id)!;
}

/** The items of a step that apply on a track. */
export function itemsFor(step: StepDef, track: Track): StepItem[] {
  return step.items.filter((i) => !i.track || i.track === track);
}

/** Every flat field name a step may hold (for autosave: anything else is dropped). */
export function fieldNamePattern(step: StepDef, track: Track): RegExp {
  const parts = itemsFor(step, track).flatMap((i) =>
    isGroup(i) ? i.fields.map((f) => `${i.group}\\.\\d{1,2}\\.${f.name}`) : [(i as FieldDef).name],
  );
  return new RegExp(`^(?:${parts.join("|") || "(?!)"})$`);
}
