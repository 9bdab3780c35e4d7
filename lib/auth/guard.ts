import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { currentUser, type CurrentUser } from "./current-user";
import { can } from "./policy";
import { ROUTE_ACCESS, type RoutePattern } from "./routes";

async function denied(user: CurrentUser, permission: string, route: string) {
  // SEC-09: a refused attempt is itself a signal worth keeping.
  await recordAudit(db(), { id: user.id, role: user.role, ip: user.ip }, { action: "access.denied", outcome: "DENIED", details: { permission, route } });
}

/**
 * The first line of every page: look the route up in ROUTE_ACCESS and ask the policy. Anonymous
 * visitors go to sign-in; a signed-in user without the permission gets 403; staff who have not
 * enrolled their second factor go to enrolment first.
 */
export async function requireRoute(pattern: RoutePattern): Promise<CurrentUser | null> {
  const access = ROUTE_ACCESS[pattern];
  if (access === "api-key") throw new Error(`${pattern} is for agency systems: its handler checks the key`);
  const user = await currentUser();
  if (access === "public") return user;
  if (!user) redirect("/sign-in");
  if (user.needsMfaEnrolment && pattern !== "/account/mfa") redirect("/account/mfa");
  if (access === "signed-in") return user;
  if (!can(user, access)) {
    await denied(user, access, pattern);
    forbidden();
  }
  return user;
}

/** The same check for a route handler: returns the user, or the response to send instead. */
export async function requireApiRoute(pattern: RoutePattern): Promise<{ user: CurrentUser | null } | { response: Response }> {
  const access = ROUTE_ACCESS[pattern];
  if (access === "api-key") throw new Error(`${pattern} is for agency systems: its handler checks the key`);
  const user = await currentUser();
  if (access === "public") return { user };
  if (!user) return { response: NextResponse.json({ error: "unauthorized" }, { status: 401 }) };
  if (user.needsMfaEnrolment) return { response: NextResponse.json({ error: "mfa_enrolment_required" }, { status: 403 }) };
  if (access !== "signed-in" && !can(user, access)) {
    await denied(user, access, pattern);
    return { response: NextResponse.json({ error: "forbidden" }, { status: 403 }) };
  }
  return { user };
}
