import { cache } from "react";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "../db";
import { clientIpFrom } from "../logging/client-ip";
import { sessionCookieName, sessionSecret } from "./next-auth";
import { keepsFullIp, mfaRequired } from "./roles";
import { checkSession, type LiveSession } from "./sessions";

export interface CurrentUser {
  id: string;
  role: LiveSession["user"]["role"];
  displayName: string;
  email: string;
  organisationId: string | null;
  revealDesignated: boolean;
  sessionId: string;
  mfaVerifiedAt: Date | null;
  mfaEnabled: boolean;
  /** SEC-02: staff, AA and agency accounts must enrol a second factor before anything else. */
  needsMfaEnrolment: boolean;
  trainingAcknowledgedOn: Date | null;
  /** For audit events: whole for staff, shortened for applicants and participants (SEC-28). */
  ip: string;
}


/** The signed-in user of this request, checked against the database, or null. Once per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  // Only the name this deployment sets: over HTTPS a plain-HTTP cookie (one a network attacker
  // could plant) is never read.
  const raw = jar.get(sessionCookieName())?.value;
  if (!raw) return null;
  let token;
  try {
    token = await decode({ token: raw, secret: sessionSecret() });
  } catch {
    return null;
  }
  if (!token?.sid || !token.sub) return null;
  const check = await checkSession(db(), token.sid, token.sub);
  if (!("live" in check)) return null;
  const { user, sessionId, mfaVerifiedAt } = check.live;
  const h = await headers();
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    email: user.email,
    organisationId: user.organisationId,
    revealDesignated: user.revealDesignated,
    sessionId,
    mfaVerifiedAt,
    mfaEnabled: !!user.mfaEnabledAt,
    needsMfaEnrolment: mfaRequired(user.role) && (!user.mfaEnabledAt || !mfaVerifiedAt),
    trainingAcknowledgedOn: user.trainingAcknowledgedOn,
    ip: clientIpFrom(h, { keepFull: keepsFullIp(user.role) }),
  };
});
