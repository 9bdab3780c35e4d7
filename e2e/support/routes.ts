import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActionName } from "../../lib/auth/actions";

/**
 * Pages anyone can open, with the heading they show: checked anonymously in every language (axe,
 * no outside requests, the shell). Pages behind sign-in are opened by the account in SIGNED_IN_PAGES.
 * routes.spec.ts fails when app/ has a page in neither list.
 */
export const PAGES: { pattern: string; path: string; heading: RegExp }[] = [
  { pattern: "/", path: "/", heading: /Address Confidentiality Program/ },
  { pattern: "/privacy", path: "/privacy", heading: /Privacy notice/ },
  { pattern: "/accessibility", path: "/accessibility", heading: /Accessibility statement/ },
  { pattern: "/sign-in", path: "/sign-in", heading: /Sign in/ },
  { pattern: "/set-password", path: "/set-password", heading: /Choose your password/ },
  { pattern: "/sign-up", path: "/sign-up", heading: /Create an account to apply/ },
];

/** Pages behind sign-in: who opens each for the accessibility check, and how to reach a concrete one. */
export const SIGNED_IN_PAGES: { pattern: string; as: string; path?: string; via?: "first-user" | "first-participant" | "first-assistant" | "first-application" | "new-application" | "first-agency" | "new-exemption" | "filed-exemption" | "new-disclosure"; heading: RegExp }[] = [
  { pattern: "/account", as: "manager@example.org", path: "/account", heading: /Your account/ },
  { pattern: "/account/mfa", as: "manager@example.org", path: "/account/mfa", heading: /Set up your authenticator app/ },
  { pattern: "/participants", as: "staff@example.org", path: "/participants", heading: /Participants/ },
  { pattern: "/review", as: "staff@example.org", path: "/review", heading: /Review queue/ },
  { pattern: "/verify", as: "agency@example.org", path: "/verify", heading: /Verify a participant/ },
  { pattern: "/agencies", as: "staff@example.org", path: "/agencies", heading: /Agencies/ },
  { pattern: "/agencies/[id]", as: "staff@example.org", via: "first-agency", heading: /Agency/ },
  { pattern: "/dissemination", as: "manager@example.org", path: "/dissemination", heading: /Dissemination log/ },
  { pattern: "/exemptions", as: "agency@example.org", path: "/exemptions", heading: /Exemption requests/ },
  { pattern: "/exemptions/new", as: "agency@example.org", path: "/exemptions/new", heading: /Request an exemption/ },
  // The demo data holds no exemption request: these file one through the form first (e2e/support/exemptions.ts).
  { pattern: "/exemptions/[id]", as: "agency@example.org", via: "new-exemption", heading: /Exemption request EXR-/ },
  { pattern: "/exemptions/review", as: "staff@example.org", path: "/exemptions/review", heading: /Exemption requests/ },
  { pattern: "/exemptions/review/[id]", as: "manager@example.org", via: "filed-exemption", heading: /Exemption request EXR-/ },
  { pattern: "/exemptions/register", as: "manager@example.org", path: "/exemptions/register", heading: /Register of grants/ },
  { pattern: "/exemptions/notices", as: "staff@example.org", path: "/exemptions/notices", heading: /Participant notices to send/ },
  { pattern: "/disclosures", as: "staff@example.org", path: "/disclosures", heading: /Disclosure requests/ },
  { pattern: "/disclosures/new", as: "staff@example.org", path: "/disclosures/new", heading: /Record a disclosure request/ },
  { pattern: "/disclosures/notices", as: "staff@example.org", path: "/disclosures/notices", heading: /Participant notices/ },
  // The demo data holds no disclosure request: one is recorded through the form first.
  { pattern: "/disclosures/[id]", as: "staff@example.org", via: "new-disclosure", heading: /Disclosure request/ },
  { pattern: "/releases", as: "agency@example.org", path: "/releases", heading: /Released information/ },
  // Any token that opens nothing (unknown, used, expired, someone else's) gets this one answer.
  { pattern: "/releases/[token]", as: "agency@example.org", path: "/releases/not-a-release-token-000000", heading: /already been viewed or has expired/ },
  { pattern: "/review/[id]", as: "manager@example.org", via: "first-application", heading: /Application review/ },
  { pattern: "/applications", as: "assistant@example.org", path: "/applications", heading: /Applications/ },
  { pattern: "/applications/[id]", as: "assistant2@example.org", via: "new-application", heading: /Application APP-/ },
  { pattern: "/assistants", as: "staff@example.org", path: "/assistants", heading: /Application Assistants/ },
  { pattern: "/assistants/[id]", as: "manager@example.org", via: "first-assistant", heading: /Application Assistant/ },
  { pattern: "/participants/[id]", as: "manager@example.org", via: "first-participant", heading: /Participant record/ },
  { pattern: "/audit", as: "counsel@example.org", path: "/audit", heading: /Audit trail/ },
  { pattern: "/admin/users", as: "admin@example.org", path: "/admin/users", heading: /Accounts/ },
  { pattern: "/admin/users/[id]", as: "admin@example.org", via: "first-user", heading: /Manage account/ },
  { pattern: "/admin/access-review", as: "manager@example.org", path: "/admin/access-review", heading: /Access review/ },
];

/** Route handlers, checked for security headers (their access by the authorization matrix). */
export const API_ROUTES: { pattern: string; path: string; method: "GET" | "POST" }[] = [
  { pattern: "/api/health", path: "/api/health", method: "GET" },
  { pattern: "/api/auth/[...nextauth]", path: "/api/auth/csrf", method: "GET" },
  { pattern: "/admin/access-review/export", path: "/admin/access-review/export", method: "GET" },
  { pattern: "/audit/export", path: "/audit/export", method: "GET" },
  { pattern: "/api/v1/verify", path: "/api/v1/verify", method: "POST" },
  { pattern: "/exemptions/notices/[id]/letter", path: "/exemptions/notices/no-such-record-000000/letter", method: "GET" },
  { pattern: "/disclosures/[id]/notice-letter", path: "/disclosures/no-such-record-000000/notice-letter", method: "GET" },
  { pattern: "/disclosures/[id]/release-letter", path: "/disclosures/no-such-record-000000/release-letter", method: "GET" },
  { pattern: "/dissemination/export", path: "/dissemination/export", method: "GET" },
  { pattern: "/exemptions/[id]/letter", path: "/exemptions/no-such-record-000000/letter", method: "GET" },
  { pattern: "/exemptions/review/[id]/letter", path: "/exemptions/review/no-such-record-000000/letter", method: "GET" },
  { pattern: "/exemptions/review/[id]/attachments/[attachmentId]", path: "/exemptions/review/no-such-record-000000/attachments/no-such-record-000000", method: "GET" },
  { pattern: "/participants/[id]/card", path: "/participants/no-such-record-000000/card", method: "GET" },
  { pattern: "/review/[id]/evidence/[evidenceId]", path: "/review/no-such-record-000000/evidence/no-such-record-000000", method: "GET" },
  { pattern: "/disclosures/[id]/court-order", path: "/disclosures/no-such-record-000000/court-order", method: "GET" },
  { pattern: "/review/[id]/letters/[kind]", path: "/review/no-such-record-000000/letters/certification", method: "GET" },
];

/** The URL patterns app/ defines: route groups dropped, [param] kept. */
export function appRoutes(root = path.resolve("app")): { pages: string[]; api: string[] } {
  const pages = new Set<string>();
  const api = new Set<string>();
  const walk = (dir: string, segments: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name.startsWith("_")) continue; // private folders (_components)
        // Route groups "(staff)" and parallel-route slots "@modal" add no URL segment.
        walk(path.join(dir, e.name), /^\(.*\)$/.test(e.name) || e.name.startsWith("@") ? segments : [...segments, e.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(e.name)) {
        pages.add("/" + segments.join("/"));
      } else if (/^route\.(tsx|ts|js)$/.test(e.name)) {
        api.add("/" + segments.join("/"));
      }
    }
  };
  walk(root, []);
  return { pages: [...pages].sort(), api: [...api].sort() };
}

/**
 * A concrete URL for each ROUTE_ACCESS pattern that the authorization matrix cannot request as
 * written: dynamic segments take seeded ids found at run time, next-auth's catch-all its CSRF endpoint.
 */
export interface SeededIds {
  participant: string;
  user: string;
  assistant: string;
}
/** An id no row has: pages answer an allowed caller 404 for it, everyone else as the policy says. */
export const MISSING_ID = "no-such-record-000000";

export const ROUTE_SAMPLES: Record<string, (ids: SeededIds) => string> = {
  "/participants/[id]": (ids) => `/participants/${ids.participant}`,
  "/admin/users/[id]": (ids) => `/admin/users/${ids.user}`,
  "/assistants/[id]": (ids) => `/assistants/${ids.assistant}`,
  "/participants/[id]/card": (ids) => `/participants/${ids.participant}/card`,
  // Rows scoped to their owner: a missing id shows the policy's answer (403) apart from the scope's (404).
  "/applications/[id]": () => `/applications/${MISSING_ID}`,
  "/review/[id]": () => `/review/${MISSING_ID}`,
  "/disclosures/[id]": () => `/disclosures/${MISSING_ID}`,
  "/disclosures/[id]/court-order": () => `/disclosures/${MISSING_ID}/court-order`,
  // Not MISSING_ID: an unknown token is answered 200 with the same words as a used or expired one.
  "/releases/[token]": () => "/releases/not-a-release-token-000000",
  "/agencies/[id]": () => `/agencies/${MISSING_ID}`,
  "/exemptions/notices/[id]/letter": () => `/exemptions/notices/${MISSING_ID}/letter`,
  "/disclosures/[id]/notice-letter": () => `/disclosures/${MISSING_ID}/notice-letter`,
  "/disclosures/[id]/release-letter": () => `/disclosures/${MISSING_ID}/release-letter`,
  "/exemptions/[id]": () => `/exemptions/${MISSING_ID}`,
  "/exemptions/[id]/letter": () => `/exemptions/${MISSING_ID}/letter`,
  "/exemptions/review/[id]": () => `/exemptions/review/${MISSING_ID}`,
  "/exemptions/review/[id]/letter": () => `/exemptions/review/${MISSING_ID}/letter`,
  "/exemptions/review/[id]/attachments/[attachmentId]": () => `/exemptions/review/${MISSING_ID}/attachments/${MISSING_ID}`,
  "/review/[id]/evidence/[evidenceId]": () => `/review/${MISSING_ID}/evidence/${MISSING_ID}`,
  "/review/[id]/letters/[kind]": () => `/review/${MISSING_ID}/letters/certification`,
  "/api/auth/[...nextauth]": () => "/api/auth/csrf",
};

/**
 * Public pages that send a signed-in visitor somewhere else instead of showing themselves: for
 * them "allowed" is that redirect, not a 200.
 */
export const SIGNED_IN_REDIRECTS: Record<string, string> = {
  "/sign-in": "/account",
};

/**
 * Every server action the build contains, by the module and export that define it, with the
 * ACTION_ACCESS name it is built under (lib/action.ts). The authorization matrix fails on a built
 * action missing here, so a new action cannot escape it.
 */
export interface ActionEntry {
  /** The "use server" module, as the build's server-reference manifest names it. */
  file: string;
  export: string;
  /** The ACTION_ACCESS key the export wraps. */
  name: ActionName;
  /**
   * How the client calls it: "state" exports are (previous state, form) from useActionState and
   * return the wrapper's ActionState; "form" exports are (form) from <form action> and return nothing.
   */
  args: "state" | "form";
  /**
   * The form sent. For "state" exports it must fail the action's schema: the wrapper checks access
   * before it parses, so an allowed caller gets "invalid" and nothing changes.
   */
  fields: Record<string, string>;
  /** What an allowed "state" call answers: "invalid" (the default), or "ok" for an empty schema with a harmless effect. */
  allowedStatus?: "invalid" | "ok";
  /** For "form" exports, the only sign that the call got past the access check. */
  allowedSign?: { redirect: string } | { cookie: string };
  /**
   * "form" exports drop the wrapper's answer, so when the allowed call fails for these accounts
   * there is nothing to observe (start-mfa for an account that already has a second factor).
   */
  silentForMfaAccounts?: boolean;
  /**
   * What an allowed call does that no schema can stop (empty schemas): the matrix calls these with
   * a session signed in just for the call, and whole-account effects only after every other test.
   */
  effect?: "ends-session" | "ends-all-sessions" | "changes-account";
}

export const ACTIONS: ActionEntry[] = [
  { file: "components/layout/language-action.ts", export: "setLanguage", name: "shell/set-language", args: "form", fields: { locale: "en" }, allowedSign: { cookie: "acp_locale" } },
  { file: "app/(auth)/set-password/actions.ts", export: "setPassword", name: "auth/set-password", args: "state", fields: { token: "too-short", password: "", confirm: "" } },
  {
    file: "app/(signed-in)/account/actions.ts",
    export: "signOut",
    name: "account/sign-out",
    args: "form",
    fields: {},
    allowedSign: { redirect: "/sign-in?notice=signed-out" },
    effect: "ends-session",
  },
  {
    file: "app/(signed-in)/account/actions.ts",
    export: "signOutEverywhereAction",
    name: "account/sign-out-everywhere",
    args: "form",
    fields: {},
    allowedSign: { redirect: "/sign-in?notice=signed-out" },
    effect: "ends-all-sessions",
  },
  { file: "app/(signed-in)/account/actions.ts", export: "acknowledgeTrainingAction", name: "account/acknowledge-training", args: "state", fields: { confirm: "no" } },
  {
    file: "app/(signed-in)/account/actions.ts",
    export: "startMfa",
    name: "account/start-mfa",
    args: "form",
    fields: {},
    allowedSign: { redirect: "/account/mfa" },
    silentForMfaAccounts: true,
    effect: "changes-account",
  },
  // An empty schema: an allowed call only renews the caller's own idle clock.
  { file: "app/(signed-in)/account/actions.ts", export: "keepAlive", name: "account/keep-alive", args: "state", fields: {}, allowedStatus: "ok" },
  { file: "app/(signed-in)/account/actions.ts", export: "confirmMfa", name: "account/confirm-mfa", args: "state", fields: { code: "not-a-code" } },
  { file: "app/(staff)/admin/users/actions.ts", export: "inviteUserAction", name: "admin/invite-user", args: "state", fields: { email: "not-an-address" } },
  { file: "app/(staff)/admin/users/actions.ts", export: "updateUserAction", name: "admin/update-user", args: "state", fields: { userId: "", op: "no-such-op" } },
  { file: "app/(staff)/admin/users/actions.ts", export: "designateRevealAction", name: "admin/designate-reveal", args: "state", fields: { userId: "", designated: "maybe" } },
  { file: "app/(staff)/admin/users/actions.ts", export: "grantStaffRoleAction", name: "admin/grant-staff-role", args: "state", fields: { userId: "", role: "SYSTEM_ADMIN" } },
  { file: "app/(auth)/sign-up/actions.ts", export: "signUpAction", name: "auth/sign-up", args: "state", fields: { email: "not-an-address" } },
  { file: "app/(signed-in)/applications/actions.ts", export: "startAction", name: "applications/start", args: "state", fields: { confirm: "no" } },
  { file: "app/(signed-in)/applications/actions.ts", export: "saveStepAction", name: "applications/save-step", args: "state", fields: { applicationId: "", step: "nowhere" } },
  { file: "app/(signed-in)/applications/actions.ts", export: "submitAction", name: "applications/submit", args: "state", fields: { applicationId: "" } },
  { file: "app/(signed-in)/applications/actions.ts", export: "uploadEvidenceAction", name: "applications/upload-evidence", args: "state", fields: { applicationId: "", kind: "NOT_A_KIND" } },
  { file: "app/(signed-in)/applications/actions.ts", export: "removeEvidenceAction", name: "applications/remove-evidence", args: "state", fields: { applicationId: "" } },
  { file: "app/(staff)/review/actions.ts", export: "decideAction", name: "applications/decide", args: "state", fields: { applicationId: "", to: "NOT_A_STATUS" } },
  { file: "app/(staff)/review/actions.ts", export: "revealAnswersAction", name: "applications/reveal-answers", args: "state", fields: { applicationId: "" } },
  { file: "app/(agency)/verify/actions.ts", export: "verifyAction", name: "participants/verify", args: "state", fields: { participantNumber: "" } },
  { file: "app/(staff)/agencies/actions.ts", export: "createAgencyAction", name: "agencies/create", args: "state", fields: { name: "" } },
  { file: "app/(staff)/agencies/actions.ts", export: "updateAgencyAction", name: "agencies/update", args: "state", fields: { agencyId: "" } },
  { file: "app/(staff)/agencies/actions.ts", export: "createKeyAction", name: "agencies/create-key", args: "state", fields: { agencyId: "" } },
  { file: "app/(staff)/agencies/actions.ts", export: "revokeKeyAction", name: "agencies/revoke-key", args: "state", fields: { agencyId: "" } },
  { file: "app/(staff)/dissemination/actions.ts", export: "phoneVerifyAction", name: "dissemination/phone-verify", args: "state", fields: { participantNumber: "" } },
  { file: "app/(staff)/dissemination/actions.ts", export: "acknowledgeAlertAction", name: "dissemination/acknowledge-alert", args: "state", fields: { alertId: "" } },
  { file: "app/(agency)/exemptions/actions.ts", export: "fileRequestAction", name: "exemptions/file", args: "state", fields: { statuteOrRule: "" } },
  { file: "app/(agency)/exemptions/actions.ts", export: "answerAction", name: "exemptions/answer", args: "state", fields: { requestId: "" } },
  { file: "app/(agency)/exemptions/actions.ts", export: "appealAction", name: "exemptions/appeal", args: "state", fields: { requestId: "" } },
  { file: "app/(agency)/exemptions/actions.ts", export: "reportParticipantsAction", name: "exemptions/report-participants", args: "state", fields: { requestId: "", numbers: "" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "startReviewAction", name: "exemptions/start-review", args: "state", fields: { requestId: "", confirm: "no" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "requestInformationAction", name: "exemptions/request-information", args: "state", fields: { requestId: "" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "decideAction", name: "exemptions/decide", args: "state", fields: { requestId: "", outcome: "MAYBE" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "revokeAction", name: "exemptions/revoke", args: "state", fields: { requestId: "" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "decideAppealAction", name: "exemptions/decide-appeal", args: "state", fields: { requestId: "", outcome: "MAYBE" } },
  { file: "app/(staff)/exemptions/actions.ts", export: "markNoticeSentAction", name: "exemptions/mark-notice-sent", args: "state", fields: { noticeId: "" } },
  { file: "app/(staff)/review/actions.ts", export: "assignAction", name: "applications/assign", args: "state", fields: { applicationId: "", assign: "never" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "recordRequestAction", name: "disclosures/record", args: "state", fields: { route: "NOT_A_ROUTE" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "confirmCallbackAction", name: "disclosures/confirm-callback", args: "state", fields: { requestId: "" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "receiveWrittenAction", name: "disclosures/receive-written", args: "state", fields: { requestId: "" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "verifyRequestAction", name: "disclosures/verify", args: "state", fields: { requestId: "" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "decideRequestAction", name: "disclosures/decide", args: "state", fields: { requestId: "", decision: "NEITHER" } },
  { file: "app/(staff)/disclosures/actions.ts", export: "participantNoticeAction", name: "disclosures/participant-notice", args: "state", fields: { requestId: "", op: "nothing" } },
  { file: "app/(agency)/releases/actions.ts", export: "openReleaseAction", name: "releases/open", args: "state", fields: { releaseId: "" } },
  { file: "app/(staff)/assistants/actions.ts", export: "designateAction", name: "assistants/designate", args: "state", fields: { displayName: "" } },
  { file: "app/(staff)/assistants/actions.ts", export: "changeStatusAction", name: "assistants/change-status", args: "state", fields: { assistantId: "", to: "NOT_A_STATUS" } },
  { file: "app/(staff)/participants/actions.ts", export: "searchAction", name: "participants/search", args: "state", fields: { q: "x" } },
  { file: "app/(staff)/participants/actions.ts", export: "revealAction", name: "participants/reveal", args: "state", fields: { participantId: "" } },
  // Every filter is optional and forgiving: only an over-long override reason fails the schema.
  { file: "app/(staff)/audit/actions.ts", export: "requestExportAction", name: "audit/request-export", args: "state", fields: { overrideReason: "x".repeat(301) } },
  { file: "app/(staff)/audit/actions.ts", export: "approveExportAction", name: "audit/approve-export", args: "state", fields: { exportId: "" } },
];

/** The server actions of the last `next build`, from its server-reference manifest. */
export function builtServerActions(root = path.resolve(".next")): { id: string; file: string; export: string }[] {
  const file = path.join(root, "server", "server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`next build\` first (scripts/e2e.ts does).`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const out: { id: string; file: string; export: string }[] = [];
  for (const runtime of ["node", "edge"]) {
    const entries = (manifest[runtime] ?? {}) as Record<string, { filename?: string; exportedName?: string }>;
    for (const [id, e] of Object.entries(entries)) {
      if (!e.filename || !e.exportedName) throw new Error(`server action ${id} in the manifest names no module or export: the manifest's shape changed; update builtServerActions().`);
      out.push({ id, file: e.filename, export: e.exportedName });
    }
  }
  return out.sort((a, b) => `${a.file}#${a.export}`.localeCompare(`${b.file}#${b.export}`));
}
