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
  "participants/reveal": "protected:reveal",
  "audit/request-export": "audit:export",
  "audit/approve-export": "export:approve",
} as const satisfies Record<string, "public" | "signed-in" | Permission>;

export type ActionName = keyof typeof ACTION_ACCESS;
