import type { Permission } from "./policy";

/**
 * Who may call each server action. Every action is built with lib/action.ts under one of these
 * names; the authorization-matrix test calls each one as every role and checks the answer.
 */
export const ACTION_ACCESS = {
  "shell/set-language": "public",
  "auth/set-password": "public", // the single-use token in the form is the credential
  "account/sign-out": "signed-in",
  "account/sign-out-everywhere": "signed-in",
  "account/keep-alive": "signed-in",
  "account/acknowledge-training": "signed-in",
  "account/start-mfa": "signed-in",
  "account/confirm-mfa": "signed-in",
  "admin/invite-user": "user:manage",
  "admin/update-user": "user:manage",
  "admin/designate-reveal": "user:designate-reveal",
  "admin/grant-staff-role": "user:designate-reveal",
  "applications/assign": "application:review",
  "applications/start": "application:file",
  "applications/save-step": "application:file",
  "applications/submit": "application:file",
  "applications/upload-evidence": "application:file",
  "applications/remove-evidence": "application:file",
  "applications/decide": "application:review",
  "applications/reveal-answers": "protected:reveal",
  "auth/sign-up": "public",
  "assistants/designate": "assistant:manage",
  "assistants/change-status": "assistant:manage",
  "participants/search": "participant:view",
  "participants/verify": "participant:verify",
  "agencies/create": "agency:manage",
  "agencies/update": "agency:manage",
  "agencies/create-key": "agency:manage",
  "agencies/revoke-key": "agency:manage",
  "dissemination/acknowledge-alert": "dissemination:view",
  "dissemination/phone-verify": "participant:verify-phone",
  // Exemption requests (950 CMR 130, formerly 13.09; 131.07): lib/exemptions/status.ts says which
  // role takes which step (only the PM decides; the configured reviewer decides a reconsideration).
  "exemptions/file": "exemption:file",
  "exemptions/answer": "exemption:file",
  "exemptions/appeal": "exemption:file",
  "exemptions/report-participants": "exemption:file",
  "exemptions/start-review": "exemption:review",
  "exemptions/request-information": "exemption:review",
  "exemptions/decide": "exemption:review",
  "exemptions/revoke": "exemption:review",
  "exemptions/decide-appeal": "exemption:review",
  "exemptions/mark-notice-sent": "exemption:review",
  // §5 disclosure requests: lib/disclosures/status.ts says who takes which step (only the PM decides).
  "disclosures/record": "disclosure:manage",
  "disclosures/confirm-callback": "disclosure:manage",
  "disclosures/receive-written": "disclosure:manage",
  "disclosures/verify": "disclosure:manage",
  "disclosures/decide": "disclosure:manage",
  "disclosures/participant-notice": "disclosure:manage",
  "releases/open": "disclosure:receive",
  "participants/reveal": "protected:reveal",
  "audit/request-export": "audit:export",
  "audit/approve-export": "export:approve",
} as const satisfies Record<string, "public" | "signed-in" | Permission>;

export type ActionName = keyof typeof ACTION_ACCESS;
