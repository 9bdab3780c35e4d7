import { NextResponse, type NextRequest } from "next/server";
import { clientIpFrom } from "../logging/client-ip";
import { logger } from "../logging/logger";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * Every route handler is wrapped: one log line with method, route, status, duration and the
 * (shortened) client IP, never the query string or body; an unexpected error becomes a plain 500
 * with no detail, and its code goes to the log only.
 */
export function route<C = unknown>(name: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (e) {
      logger.error({ route: name, err: { type: (e as Error)?.name, code: (e as { code?: string })?.code } }, "route failed");
      response = NextResponse.json({ error: "internal_error" }, { status: 500 });
    }
    logger.info(
      {
        method: request.method,
        route: name,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        ip: clientIpFrom(request.headers),
      },
      "request",
    );
    return response;
  };
}
