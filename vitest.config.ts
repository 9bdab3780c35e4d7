import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(".") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          // One file at a time: each embedded database is one process's, and PostgreSQL runs share one database.
          fileParallelism: false,
          testTimeout: 60_000,
          // A fixed key for tests only: it protects nothing but test data.
          env: { ACP_ENV: "test", ACP_MASTER_KEYS: "test1:6mpoXy/b4lcu7/aVO43KD7xAr+0lryw4Mx/4TZLptC0=", NEXTAUTH_SECRET: "test-only-session-secret-0123456789abcdef" },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
