import { z } from "zod";
import { isValidParticipantNumber, normalizeParticipantNumber } from "../participants/participant-number";
import { COMMISSIONER_AUTHORITY, DISCLOSURE_FIELDS, DISCLOSURE_ROUTES, isDisclosureField, type DisclosureField } from "./fields";
import { phoneDigits } from "./rules";

const id = z.string().min(1).max(40);
/** A USWDS checkbox sends "yes" when ticked and nothing otherwise. */
const tick = z.literal("yes").optional().transform((v) => v === "yes");
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().transform((v) => v || undefined);

/** "residence,phone" from the form's hidden field → the field names, each once. */
export const fieldList = z
  .string()
  .max(100)
  .optional()
  .transform((s) => [...new Set((s ?? "").split(",").map((x) => x.trim()).filter(Boolean))])
  .refine((a) => a.length > 0 && a.every(isDisclosureField), "Validation.disclosureFields")
  .transform((a) => a as DisclosureField[]);

const recordShape = z.object({
  route: z.enum(DISCLOSURE_ROUTES, "Validation.choose"),
  // Staff identify the participant by the number on the card (130.02 "Participant ID").
  participantNumber: z.string().trim().max(30).refine(isValidParticipantNumber, "Validation.participantNumber").transform(normalizeParticipantNumber),
  fields: fieldList,
  requesterName: z.string().trim().min(2, "Validation.nameRequired").max(120, "Validation.max120"),
  requesterTitle: z.string().trim().min(2, "Validation.titleRequired").max(120, "Validation.max120"),
  /** An agency on file; for law enforcement it holds the callback number (U-8). */
  agencyId: optionalText(40, "Validation.choose"),
  requesterOrganisation: optionalText(200, "Validation.max300"),
  /** The recipient's account for an online release (an agency user), by e-mail. */
  requesterEmail: z.union([z.literal(""), z.email("Validation.emailFormat").max(120, "Validation.max120")]).optional().transform((v) => v?.toLowerCase() || undefined),
  reason: z.string().trim().min(5, "Validation.reasonMin5").max(2000, "Validation.max2000"),
  // §5(1), U-8
  emergency: tick,
  signed: tick,
  signerName: optionalText(120, "Validation.max120"),
  callbackNumber: optionalText(30, "Validation.phone").refine((v) => v === undefined || /^\d{7,15}$/.test(phoneDigits(v)), "Validation.phone"),
  namedOfficer: optionalText(120, "Validation.max120"),
  // §5(2)
  authority: z.enum(COMMISSIONER_AUTHORITY, "Validation.choose").optional().or(z.literal("").transform(() => undefined)),
  designation: optionalText(300, "Validation.max300"),
  needShown: optionalText(2000, "Validation.max2000"),
  // §5(4)
  falseInformationConfirmed: tick,
});

export type RecordRequestInput = z.infer<typeof recordShape>;

/**
 * What each route needs before a request can even be recorded (rules 4.2, U-8). One list, used by
 * the form's schema for inline errors and again by the use case, which never trusts the caller.
 * The court order's file is checked by the use case (a form field cannot carry it).
 */
export function routeProblems(i: RecordRequestInput): Record<string, string> {
  const p: Record<string, string> = {};
  if (!i.agencyId && !i.requesterOrganisation) p.requesterOrganisation = "Validation.organisationRequired";
  switch (i.route) {
    case "LAW_ENFORCEMENT":
      // U-8: the agency on file gives the callback number; release only to a named officer.
      if (!i.agencyId) p.agencyId = "Validation.agencyRequired";
      if (!i.callbackNumber) p.callbackNumber = "Validation.callbackRequired";
      if (!i.namedOfficer) p.namedOfficer = "Validation.namedOfficerRequired";
      // U-8: a written request signed by the chief or a named designee; in an emergency the oral
      // request comes first and the signed one follows within one business day.
      if (!i.emergency && !i.signed) p.signed = "Validation.signedRequired";
      if (i.signed && !i.signerName) p.signerName = "Validation.signerNameRequired";
      break;
    case "AGENCY_COMMISSIONER":
      // §5(2): the commissioner or a specific designee, and the bona fide need shown.
      if (!i.authority) p.authority = "Validation.choose";
      if (i.authority === "DESIGNEE" && !i.designation) p.designation = "Validation.designationRequired";
      if (!i.needShown || i.needShown.length < 10) p.needShown = "Validation.needShownRequired";
      break;
    case "FALSE_INFORMATION":
      // §5(4): the cancellation for false information must be on file (the use case checks the status).
      if (!i.falseInformationConfirmed) p.falseInformationConfirmed = "Validation.falseInformationConfirm";
      break;
    case "COURT_ORDER":
      break;
  }
  return p;
}

export const recordRequestSchema = recordShape.superRefine((i, ctx) => {
  for (const [field, message] of Object.entries(routeProblems(i))) ctx.addIssue({ code: "custom", path: [field], message });
});

export const callbackSchema = z.object({ requestId: id, confirmed: z.literal("yes", "Validation.tickToConfirm") });

export const writtenRequestSchema = z.object({
  requestId: id,
  signed: z.literal("yes", "Validation.signedRequired"),
  signerName: z.string().trim().min(2, "Validation.signerNameRequired").max(120, "Validation.max120"),
});

export const verifySchema = z.object({
  requestId: id,
  note: z.string().trim().min(5, "Validation.reasonMin5").max(2000, "Validation.max2000"),
  // §5(3), SEC-19: what staff confirm the court order says.
  orderNamesRecipientAndParticipant: tick,
  orderStatesReasons: tick,
});

export const decideSchema = z.object({
  requestId: id,
  decision: z.enum(["RELEASE", "REFUSE"], "Validation.choose"),
  reasons: optionalText(2000, "Validation.max2000"),
  fields: z.string().max(100).optional(),
  delayNotice: tick,
  delayReason: optionalText(500, "Validation.max500"),
});

export const noticeSchema = z.object({
  requestId: id,
  op: z.enum(["sent", "delay", "lift"], "Validation.choose"),
  reason: optionalText(500, "Validation.max500"),
});

export const openReleaseSchema = z.object({ releaseId: id });

export { DISCLOSURE_FIELDS };
