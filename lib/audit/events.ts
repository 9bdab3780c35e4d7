import { z } from "zod";
import { ROLES } from "../auth/roles";

const role = z.enum(ROLES);
/** The protected fields a reveal can name (SEC-11: field names and ids only, never the value). */
export const PROTECTED_FIELDS = ["residence", "school", "work", "mailing", "phone", "date-of-birth", "evidence", "application-answers"] as const;
/** SEC-05: why a protected field is revealed. */
export const REVEAL_PURPOSES = ["MAIL_FORWARDING", "SERVICE_OF_PROCESS", "PARTICIPANT_CONTACT", "DISCLOSURE_REQUEST", "DATA_CORRECTION", "LEGAL_REVIEW", "APPLICATION_REVIEW"] as const;

/**
 * The closed list of audit events (STYLE.md §8), each with the shape of its details. Anything else
 * is refused at write time, so a typo cannot create a new, unsearched kind of event.
 */
export const AUDIT_EVENTS = {
  "auth.sign-in": z.object({ method: z.enum(["password", "password+totp", "password+recovery-code", "oidc"]) }),
  "auth.sign-in-failed": z.object({ reason: z.enum(["bad-credentials", "locked", "mfa-invalid", "inactive", "throttled"]) }),
  "auth.sign-out": z.object({ everywhere: z.boolean() }),
  "auth.session-ended": z.object({ reason: z.enum(["idle", "absolute", "revoked", "user-inactive"]) }),
  "auth.mfa-enrolment-started": z.object({}),
  "auth.mfa-enrolled": z.object({}),
  "auth.mfa-confirmed": z.object({ method: z.enum(["totp", "recovery-code"]) }),
  "auth.mfa-failed": z.object({}),
  "auth.password-set": z.object({ via: z.enum(["invite", "reset", "change"]) }),
  "auth.password-reset-requested": z.object({}),
  "account.invited": z.object({ role }),
  "account.deactivated": z.object({ reason: z.enum(["admin", "idle-45-days", "assistant-revoked"]) }),
  "account.reactivated": z.object({}),
  "account.role-changed": z.object({ from: role, to: role }),
  "account.mfa-reset": z.object({}),
  "account.training-acknowledged": z.object({}),
  "account.reveal-designation-changed": z.object({ designated: z.boolean() }),
  "access.denied": z.object({ permission: z.string().max(64), route: z.string().max(200).optional() }),
  "protected.revealed": z.object({ field: z.enum(PROTECTED_FIELDS) }),
  "protected.reveal-refused": z.object({ field: z.enum(PROTECTED_FIELDS), why: z.enum(["not-permitted", "mfa-stale", "training-due", "audit-failed"]) }),
  "audit.searched": z.object({ resultCount: z.number().int().nonnegative() }),
  "audit.exported": z.object({ rows: z.number().int().nonnegative(), exportId: z.string() }),
  "export.requested": z.object({ exportId: z.string(), kind: z.string() }),
  "export.approved": z.object({ exportId: z.string(), override: z.boolean() }),
  "access-review.exported": z.object({ rows: z.number().int().nonnegative() }),
  "participant.viewed": z.object({}),
  "assistant.designated": z.object({}),
  "application.assigned": z.object({ assigned: z.boolean() }),
  "assistant.status-changed": z.object({ from: z.string().max(20), to: z.string().max(20) }),
  "application.created": z.object({ track: z.enum(["SURVIVOR", "HEALTH_CARE"]) }),
  "application.draft-saved": z.object({ step: z.string().max(20), autosave: z.boolean() }),
  "application.status-changed": z.object({ from: z.string().max(24), to: z.string().max(24) }),
  "application.evidence-uploaded": z.object({ kind: z.string().max(30), scan: z.enum(["PENDING", "CLEAN", "INFECTED", "NOT_SCANNED"]) }),
  "application.evidence-scanned": z.object({ verdict: z.enum(["CLEAN", "INFECTED"]) }),
  "application.evidence-removed": z.object({}),
  "participant.certified": z.object({ participants: z.number().int().positive() }),
  "document.generated": z.object({ kind: z.enum(["authorization-card", "certification-letter", "request-for-documents-letter", "denial-letter", "participant-notice-letter", "release-letter"]) }),
  "account.self-registered": z.object({ role: z.literal("HEALTH_CARE_APPLICANT") }),
  "account.email-verified": z.object({}),
  "verification.alert": z.object({ kind: z.enum(["verification-sweep", "verification-throttled"]) }),
  "agency.created": z.object({ kind: z.enum(["STATE_AGENCY", "LOCAL_AGENCY"]) }), // lib/agencies AGENCY_KINDS
  "agency.updated": z.object({ changed: z.array(z.enum(["name", "kind", "contactName", "contactEmail", "contactPhone"])) }),
  "api-key.created": z.object({}),
  "api-key.revoked": z.object({}),
  "api-key.refused": z.object({ why: z.enum(["unknown", "revoked"]) }),
  "dissemination.searched": z.object({ resultCount: z.number().int().nonnegative() }),
  "dissemination.exported": z.object({ rows: z.number().int().nonnegative() }),
  "alert.acknowledged": z.object({}),
  // Agency exemption requests (950 CMR 130, formerly 13.09; 131.07): no participant data in details.
  "exemption.filed": z.object({ attachments: z.number().int().nonnegative() }),
  "exemption.status-changed": z.object({ from: z.string().max(24), to: z.string().max(24) }),
  "exemption.attachment-added": z.object({ scan: z.enum(["PENDING", "CLEAN", "INFECTED", "NOT_SCANNED"]) }),
  "exemption.attachment-scanned": z.object({ verdict: z.enum(["CLEAN", "INFECTED"]) }),
  "exemption.attachment-opened": z.object({}),
  "exemption.participants-reported": z.object({ numbers: z.number().int().nonnegative(), recorded: z.number().int().nonnegative() }),
  "exemption.notice-sent": z.object({}),
  "exemption.letter-generated": z.object({ decision: z.string().max(24) }),
  // §5 disclosure requests (lib/disclosures): field names only, never a value.
  "disclosure.received": z.object({
    route: z.enum(["LAW_ENFORCEMENT", "AGENCY_COMMISSIONER", "COURT_ORDER", "FALSE_INFORMATION"]),
    emergency: z.boolean(),
    fields: z.array(z.enum(["residence", "school", "work", "mailing", "phone"])),
    signed: z.boolean().optional(),
    signerName: z.string().max(120).optional(),
    authority: z.enum(["COMMISSIONER", "DESIGNEE"]).optional(),
    designation: z.string().max(300).optional(),
    falseInformationConfirmed: z.boolean().optional(),
    courtOrderSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  }),
  "disclosure.callback-verified": z.object({}),
  "disclosure.written-request-received": z.object({ signerName: z.string().max(120) }),
  "disclosure.court-order-opened": z.object({}),
  "disclosure.verified": z.object({}),
  "disclosure.released": z.object({ fields: z.array(z.enum(["residence", "school", "work", "mailing", "phone"])), method: z.enum(["online", "letter"]), noticeDelayed: z.boolean() }),
  "disclosure.refused": z.object({ from: z.enum(["RECEIVED", "VERIFIED"]) }),
  "disclosure.release-link-issued": z.object({}),
  "disclosure.release-opened": z.object({ fields: z.array(z.enum(["residence", "school", "work", "mailing", "phone"])) }),
  "disclosure.release-refused": z.object({ why: z.enum(["unknown", "used", "expired", "not-recipient"]) }),
  "disclosure.notice-sent": z.object({}),
  "disclosure.notice-delayed": z.object({ reviewOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  "disclosure.notice-delay-lifted": z.object({}),
  "data.seeded": z.object({ kind: z.enum(["demo", "scale", "canary"]) }),
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditDetails<A extends AuditAction> = z.infer<(typeof AUDIT_EVENTS)[A]>;
