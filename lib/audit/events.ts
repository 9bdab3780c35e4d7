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
  "document.generated": z.object({ kind: z.enum(["authorization-card", "certification-letter", "request-for-documents-letter", "denial-letter"]) }),
  "account.self-registered": z.object({ role: z.literal("HEALTH_CARE_APPLICANT") }),
  "account.email-verified": z.object({}),
  "data.seeded": z.object({ kind: z.enum(["demo", "scale", "canary"]) }),
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditDetails<A extends AuditAction> = z.infer<(typeof AUDIT_EVENTS)[A]>;
