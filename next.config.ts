import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  // PGlite loads its wasm and data files by path at run time: bundling breaks them (STACK.md §3.6).
  serverExternalPackages: ["@electric-sql/pglite", "pino", "nodemailer"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default withNextIntl(config);
