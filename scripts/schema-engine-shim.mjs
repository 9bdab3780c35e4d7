#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on our machines.
// The Prisma CLI spawns $PRISMA_SCHEMA_ENGINE_BINARY (set in prisma.config.ts); this script answers
// both ways it is called by forwarding to Prisma's own WebAssembly schema engine, so the standard
// `prisma migrate …` commands work unchanged. See docs/decisions/0002-migrations-without-native-engine.md
// and STACK.md §3 for the library bugs worked around below.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const req = createRequire(path.join(root, "package.json"));
const imp = (m) => import(req.resolve(m));
const args = process.argv.slice(2);
const arg = (f) => args.flatMap((a, i) => (a === f ? [args[i + 1]] : []));
const url = JSON.parse(arg("--datasource")[0] ?? "{}").url ?? process.env.DATABASE_URL ?? "";
const pgCfg = (db) => {
  const t = new URL(url);
  if (db) t.pathname = "/" + db; // node-postgres ignores a `database` option beside connectionString
  return { connectionString: t.href };
};

async function adapterFactory() {
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    const { acquireDatabaseLock } = await import(path.join(root, "lib/db/lock.mjs"));
    acquireDatabaseLock(dir, "prisma schema engine"); // throws DatabaseLockedError while the server holds it
    const { PGlite } = await imp("@electric-sql/pglite");
    const { PrismaPGlite } = await imp("pglite-prisma-adapter");
    // pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a failing migration looked applied.
    const fix = (a) =>
      Object.assign(a, {
        executeScript: async (s) => {
          try {
            await a.client.exec(s);
          } catch (e) {
            a.onError(e);
          }
        },
      });
    mkdirSync(dir, { recursive: true });
    const f = new PrismaPGlite(new PGlite(dir));
    return {
      provider: f.provider,
      adapterName: f.adapterName,
      connect: async () => fix(await f.connect()),
      connectToShadowDb: async () => fix(await f.connectToShadowDb()),
    };
  }
  const pg = (await imp("pg")).default;
  const { PrismaPg } = await imp("@prisma/adapter-pg");
  // adapter-pg does not map the internal "char" type (OID 18) that the engine's introspection reads.
  class Pool extends pg.Pool {
    async query(...a) {
      const r = await super.query(...a);
      r?.fields?.forEach((f) => {
        if (f.dataTypeID === 18) f.dataTypeID = 25;
      });
      return r;
    }
  }
  // adapter-pg splits scripts on ';', which breaks function bodies: send the script whole.
  const fix = (a) =>
    Object.assign(a, {
      executeScript: async (s) => {
        try {
          await a.underlyingDriver().query(s);
        } catch (e) {
          a.onError(e);
        }
      },
    });
  const mk = (db) => new PrismaPg(new Pool(pgCfg(db)), { disposeExternalPool: true });
  const admin = async (sql) => {
    const c = new pg.Client(pgCfg());
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const base = mk();
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => fix(await base.connect()),
    // adapter-pg never drops the shadow database it creates: make and drop our own.
    async connectToShadowDb() {
      const n = `prisma_shadow_${process.pid}_${Date.now()}`;
      await admin(`CREATE DATABASE "${n}"`);
      const a = fix(await mk(n).connect());
      const d = a.dispose.bind(a);
      return Object.assign(a, {
        dispose: async () => {
          await d();
          await admin(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
        },
      });
    },
  };
}

// One-shot mode: `--datasource {json} cli can-connect-to-database|create-database|drop-database`.
const ci = args.indexOf("cli");
if (ci >= 0) {
  if (url.startsWith("pglite:")) process.exit(0);
  const pg = (await imp("pg")).default;
  const db = new URL(url).pathname.slice(1);
  const cmd = args[ci + 1];
  const sql = {
    "create-database": `CREATE DATABASE "${db}"`,
    "drop-database": `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`,
  }[cmd];
  const c = new pg.Client(pgCfg(sql ? "postgres" : undefined));
  try {
    await c.connect();
    if (sql) await c.query(sql);
    await c.end();
    process.exit(0);
  } catch (e) {
    // The CLI drops the first stderr line and JSON-parses the rest.
    const line = (level, fields) => JSON.stringify({ level, target: "schema_engine::logger", fields });
    process.stderr.write(
      line("INFO", { message: cmd }) +
        "\n" +
        line("ERROR", { error_code: e.code === "3D000" ? "P1003" : "P1001", message: e.message }) +
        "\n",
    );
    process.exit(1);
  }
}

// JSON-RPC mode: `--datamodels <file> --datasource {json}`, line-delimited requests on stdin.
const dir = path.dirname(req.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
const bg = await import(path.join(dir, "schema_engine_bg.js"));
const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
  "./schema_engine_bg.js": bg,
});
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();
const { bindMigrationAwareSqlAdapterFactory } = await imp("@prisma/driver-adapter-utils");
const dms = arg("--datamodels").map((p) => [p, readFileSync(p, "utf8")]);
// A refused lock must reach the person as the command's error: answer every request with it
// (exiting early would leave the CLI waiting and then report success).
let refusal = null;
let factory = null;
try {
  factory = await adapterFactory();
} catch (e) {
  if (e?.name !== "DatabaseLockedError") throw e;
  refusal = e.message;
}
const engine = refusal
  ? null
  : await bg.SchemaEngine.new({ datamodels: dms.length ? dms : undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
const diff = (p, script) =>
  engine.diff({
    from: { tag: "migrations", ...p.migrationsList },
    to: { tag: "schemaDatamodel", ...p.schema },
    script,
    exitCode: true,
    filters: p.filters ?? { externalTables: [], externalEnums: [] },
  });
// The wasm build's createMigration/evaluateDataLoss cannot reach a shadow database, so the next
// migration is computed as a diff from the migrations folder to the schema.
let printId = 0;
const handlers = {
  getDatabaseVersion: () => engine.version(),
  // The native engine sends the SQL of `migrate diff --script` to the CLI as a "print" request;
  // the wasm engine returns it in `stdout` instead.
  diff: async (p) => {
    const r = await engine.diff(p);
    if (r?.stdout) process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: `print-${++printId}`, method: "print", params: { content: r.stdout } }) + "\n");
    return { exitCode: r?.exitCode ?? 0 };
  },
  createMigration: async (p) => {
    const r = await diff(p, true);
    const changed = r.exitCode === 2;
    return {
      connectorType: "postgresql",
      extension: "sql",
      generatedMigrationName: `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${p.migrationName}`,
      migrationScript: changed ? r.stdout : p.draft ? "-- This is an empty migration." : null,
    };
  },
  // No data-loss warnings from this stand-in: review generated SQL (ADR 0002).
  evaluateDataLoss: async (p) => ({
    migrationSteps: (await diff(p, false)).exitCode === 2 ? 1 : 0,
    warnings: [],
    unexecutableSteps: [],
  }),
};
let queue = Promise.resolve(); // the wasm engine is not re-entrant: one call at a time
const reply = (id, body) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id, ...body }) + "\n");
readline
  .createInterface({ input: process.stdin })
  .on("line", (l) => {
    queue = queue.then(async () => {
      const m = JSON.parse(l);
      if (!m.method) return; // the CLI's acknowledgement of a "print" request
      try {
        if (refusal) throw new Error(refusal);
        reply(m.id, { result: (await (handlers[m.method] ?? ((p) => engine[m.method](p)))(m.params)) ?? null });
      } catch (e) {
        const message = String(e.message);
        reply(m.id, { error: { code: 4466, message, data: { is_panic: false, message, error_code: null } } });
      }
    });
  })
  .on("close", () => queue.then(() => process.exit(0)));
