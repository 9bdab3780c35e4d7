import type { Permission } from "./policy";

/**
 * Who may open each page and API route: "public" (anyone), "signed-in" (any account), "api-key"
 * (an agency system's key, checked by the handler itself; a browser session is never enough), or a
 * permission from the policy. Pages and route handlers look themselves up here through
 * requireRoute(); the authorization-matrix test checks every route in app/ is listed and that the
 * server answers every role as this table and the policy say.
 */
export const ROUTE_ACCESS = {
  "/": "public",
  "/privacy": "public",
  "/accessibility": "public",
  "/sign-in": "public",
  "/set-password": "public",
  "/api/health": "public",
  "/api/auth/[...nextauth]": "public",
  "/account": "signed-in",
  "/account/mfa": "signed-in",
  "/admin/users": "user:manage",
  "/admin/users/[id]": "user:manage",
  "/admin/access-review": "user:access-review",
  "/admin/access-review/export": "user:access-review",
  "/audit": "audit:search",
  "/audit/export": "audit:export",
  "/sign-up": "public",
  "/applications": "application:file",
  "/applications/[id]": "application:file",
  "/review": "application:review",
  "/review/[id]": "application:review",
  "/review/[id]/evidence/[evidenceId]": "protected:reveal",
  "/review/[id]/letters/[kind]": "application:review",
  "/participants/[id]/card": "participant:view",
  "/api/v1/verify": "api-key",
  "/exemptions/notices/[id]/letter": "exemption:review",
  "/disclosures/[id]/notice-letter": "disclosure:manage",
  "/disclosures/[id]/release-letter": "disclosure:manage",
  "/verify": "participant:verify",
  "/agencies": "agency:manage",
  "/agencies/[id]": "agency:manage",
  "/dissemination": "dissemination:view",
  "/dissemination/export": "dissemination:export",
  "/exemptions": "exemption:file",
  "/exemptions/new": "exemption:file",
  "/exemptions/[id]": "exemption:file",
  "/exemptions/[id]/letter": "exemption:file",
  "/exemptions/review": "exemption:review",
  "/exemptions/review/[id]": "exemption:review",
  "/exemptions/review/[id]/letter": "exemption:review",
  "/exemptions/review/[id]/attachments/[attachmentId]": "exemption:review",
  "/exemptions/register": "exemption:review",
  "/exemptions/notices": "exemption:review",
  // §5 disclosure requests: staff record and verify, the PM decides (lib/disclosures/status.ts); the
  // named recipient opens a release once (row checks in lib/disclosures/open-release.ts).
  "/disclosures": "disclosure:manage",
  "/disclosures/new": "disclosure:manage",
  "/disclosures/notices": "disclosure:manage",
  "/disclosures/[id]": "disclosure:manage",
  "/disclosures/[id]/court-order": "disclosure:manage",
  "/releases": "disclosure:receive",
  "/releases/[token]": "disclosure:receive",
  "/assistants": "assistant:view",
  "/assistants/[id]": "assistant:view",
  "/participants": "participant:view",
  "/participants/[id]": "participant:view",
} as const satisfies Record<string, "public" | "signed-in" | "api-key" | Permission>;

export type RoutePattern = keyof typeof ROUTE_ACCESS;
