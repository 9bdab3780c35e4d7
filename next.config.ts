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
  experimental: {
    authInterrupts: true,
    // Evidence files may be 10 MB (issue 5): a server action's body and the proxy's copy of it must
    // hold one file plus the multipart framing (Next's defaults are 1 MB and 10 MB).
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default withNextIntl(config);
