import type { Permission } from "./policy";

/**
 * Who may open each page and API route: "public" (anyone), "signed-in" (any account), or a
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
  "/assistants": "assistant:view",
  "/assistants/[id]": "assistant:view",
  "/participants": "participant:view",
  "/participants/[id]": "participant:view",
} as const satisfies Record<string, "public" | "signed-in" | Permission>;

export type RoutePattern = keyof typeof ROUTE_ACCESS;
