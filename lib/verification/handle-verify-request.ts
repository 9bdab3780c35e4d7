import http from "node:http";
import type { Db } from "../db/client";
import { apiKeyCaller } from "../agencies/agencies";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logging/logger";
import { staticSecurityHeaders } from "../security/headers";
import { verifyParticipant, verifySchema } from "./verify-participant";

/**
 * The verification API (130.06(3)) independent of any web framework: the Next route handler and the
 * lean listener below both answer through this, so they cannot differ. The answer is exactly
 * {"active":true,"validUntil":"YYYY-MM-DD"} or {"active":false}; 401 without a valid key.
 */
export interface VerifyHttpAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

// The page proxy (nonce CSP) does not apply here: this JSON loads nothing, so it says so.
export const VERIFY_HEADERS: Record<string, string> = { "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", "Content-Type": "application/json" };

export async function handleVerifyRequest(db: Db, method: string, authorization: string | null, bodyText: () => Promise<string>): Promise<VerifyHttpAnswer> {
  const m = /^Bearer (\S+)$/.exec(authorization ?? "");
  const caller = m ? await apiKeyCaller(db, m[1]) : null;
  if (!caller) return { status: 401, body: { error: "unauthorized" }, headers: { ...VERIFY_HEADERS, "WWW-Authenticate": 'Bearer realm="acp-verify"' } };
  if (method !== "POST") return { status: 405, body: { error: "use POST" }, headers: { ...VERIFY_HEADERS, Allow: "POST" } };
  if (!env().ACP_SELF_SERVICE_VERIFY) return { status: 403, body: { error: "verification_by_phone_only" }, headers: VERIFY_HEADERS };
  let body: unknown;
  try {
    body = JSON.parse(await bodyText());
  } catch {
    return { status: 400, body: { error: "invalid_json" }, headers: VERIFY_HEADERS };
  }
  const parsed = verifySchema.safeParse(body);
  if (!parsed.success) return { status: 400, body: { error: "invalid_request", fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] }, headers: VERIFY_HEADERS };
  try {
    const answer = await verifyParticipant(db, { kind: "key", apiKeyId: caller.apiKeyId, organisationId: caller.organisationId, organisation: caller.organisation, recipientName: `API key of ${caller.organisation}` }, parsed.data);
    return { status: 200, body: answer, headers: VERIFY_HEADERS };
  } catch (e) {
    if (e instanceof AppError && e.code === "THROTTLED") return { status: 429, body: { error: "too_many_requests" }, headers: { ...VERIFY_HEADERS, "Retry-After": "60" } };
    throw e;
  }
}

const MAX_BODY = 4096;

/**
 * A lean listener for agency systems (ACP_VERIFY_API_PORT): the same answers as the route handler,
 * without the web framework's per-request work, which on a small server costs more than the
 * database does (issue 6's speed target). Put it behind the same TLS proxy as the app.
 */
export function startVerifyApiServer(db: () => Db, port: number, host = "127.0.0.1"): http.Server {
  const security = Object.fromEntries(staticSecurityHeaders.map((h) => [h.key, h.value]));
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const send = (a: VerifyHttpAnswer) => {
      res.writeHead(a.status, { ...security, ...a.headers }).end(JSON.stringify(a.body));
      if (a.status >= 400) logger.info({ method: req.method, route: "/api/v1/verify", status: a.status, durationMs: Math.round(performance.now() - started) }, "request");
    };
    if ((req.url ?? "").split("?")[0] !== "/api/v1/verify") {
      send({ status: 404, body: { error: "not_found" }, headers: VERIFY_HEADERS });
      return;
    }
    const bodyText = () =>
      new Promise<string>((resolve, reject) => {
        let text = "";
        req.setEncoding("utf8");
        req.on("data", (c: string) => {
          text += c;
          if (text.length > MAX_BODY) reject(new Error("body too large"));
        });
        req.on("end", () => resolve(text));
        req.on("error", reject);
      });
    handleVerifyRequest(db(), req.method ?? "GET", req.headers.authorization ?? null, bodyText).then(send, (e: unknown) => {
      logger.error({ route: "/api/v1/verify", err: { type: (e as Error)?.name } }, "route failed");
      send({ status: 500, body: { error: "internal_error" }, headers: VERIFY_HEADERS });
    });
  });
  server.listen(port, host);
  return server;
}
