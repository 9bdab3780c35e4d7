import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/db/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Personal data must not reach logs: use lib/logging/logger.ts, whose redaction list guards it.
      "no-console": "error",
      "@next/next/no-img-element": "off",
    },
  },
  {
    files: ["scripts/**", "e2e/**", "prisma/**", "*.config.*", "**/*.test.ts"],
    rules: { "no-console": "off" },
  },
]);
