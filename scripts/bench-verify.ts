// npm run bench:verify — throughput and latency of the verification API (issue 6: ≥ 1,500 requests/s
// at p99 ≤ 50 ms with no errors, and at least half of a bare node:http + pg server doing the same
// work). Drives POST /api/v1/verify of a production build on PostgreSQL with autocannon on loopback,
// then the bare baseline, and prints both and their ratio.
//   DATABASE_URL=postgresql://… npm run db:seed -- --scale 100000   (once)
//   DATABASE_URL=postgresql://… npm run bench:verify [-- --duration 15 --connections 32]
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { describeDatabase } from "../lib/db/config";
import { nameKey } from "../lib/participants/name-key";
import { CliError, runBin, runMain } from "./lib/cli";
import { loadEnv, openForScript } from "./lib/db";

const TARGET_RPS = 1500;
const TARGET_P99_MS = 50;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { method: "GET" });
      if (r.status > 0) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new CliError(`${url} did not answer within ${ms / 1000} s`);
}

type Sample = { participantNumber: string; lastName: string };

function run(url: string, key: string, samples: Sample[], duration: number, connections: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url,
        method: "POST",
        duration,
        connections,
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(samples[randomInt(0, samples.length)]) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** The baseline: the same three steps (key check, lookup, log insert) on node:http and pg, nothing else. */
function bareServer(connectionString: string, port: number) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      try {
        const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
        const k = await pool.query('SELECT id, "organisationId" FROM "AgencyApiKey" WHERE "keyHash" = $1 AND "revokedAt" IS NULL', [createHash("sha256").update(key).digest("hex")]);
        if (!k.rows[0]) {
          res.writeHead(401).end();
          return;
        }
        const input = JSON.parse(body) as Sample;
        const p = await pool.query(
          `SELECT id, "expiresOn" FROM "Participant" WHERE "participantNumber" = $1 AND "lastNameKey" = $2 AND status IN ('ACTIVE','CANCELLATION_PENDING') AND "expiresOn" >= CURRENT_DATE LIMIT 1`,
          [input.participantNumber, nameKey(input.lastName)],
        );
        const m = p.rows[0];
        await pool.query(`INSERT INTO "DisseminationLog" (kind, "participantId", disclosed, "recipientName", "apiKeyId", "legalRoute") VALUES ('VERIFICATION', $1, $2, 'bench', $3, '950 CMR 130.06(3)')`, [
          m?.id ?? null,
          m ? "active" : "no match",
          k.rows[0].id,
        ]);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(m ? { active: true, validUntil: (m.expiresOn as Date).toISOString().slice(0, 10) } : { active: false }));
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ close: () => new Promise<void>((r) => server.close(() => pool.end().then(() => r()))) })),
  );
}

function summary(name: string, r: autocannon.Result) {
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${errors}`);
  return { rps: r.requests.average, p99: r.latency.p99, errors };
}

runMain("bench:verify", async () => {
  const env = loadEnv();
  if (env.database.kind !== "postgres") throw new CliError("bench:verify runs on PostgreSQL: set DATABASE_URL=postgresql://…");
  const duration = arg("duration", 15);
  const connections = arg("connections", 32);
  const handle = await openForScript(env, "bench:verify");
  const db = handle.db;
  let app: ChildProcess | undefined;
  try {
    const participants = await db.participant.count();
    console.log(`${describeDatabase(env.database)}: ${participants} participants.`);
    if (participants < 100_000) console.log("Note: the target is set for 100,000 participants: npm run db:seed -- --scale 100000");
    // A bench agency and key, made directly (the key is never shown anywhere but here).
    const org = await db.organisation.upsert({ where: { name: "Benchmark agency (bench:verify)" }, create: { name: "Benchmark agency (bench:verify)", kind: "STATE_AGENCY" }, update: {} });
    const key = `acp_${randomBytes(30).toString("base64url")}`;
    await db.agencyApiKey.create({ data: { organisationId: org.id, label: "bench:verify", prefix: key.slice(0, 10), keyHash: createHash("sha256").update(key).digest("hex"), createdById: "bench" } });
    // Four in five requests match an active participant; the rest are a wrong name.
    const active = await db.participant.count({ where: { status: "ACTIVE" } });
    const rows = await db.participant.findMany({ where: { status: "ACTIVE" }, select: { participantNumber: true, lastName: true }, orderBy: { id: "asc" }, take: 5000, skip: randomInt(0, Math.max(1, active - 5000)) });
    const samples: Sample[] = rows.map((p, i) => ({ participantNumber: p.participantNumber, lastName: i % 5 === 4 ? "Nobody" : p.lastName }));
    if (!samples.length) throw new CliError("no active participants to verify: seed first");

    if (!existsSync(".next/BUILD_ID")) {
      console.log("Building the app (production build)…");
      const b = await runBin("next", ["build"], { quiet: true });
      if (b.code !== 0) throw new CliError("next build failed");
    }
    const port = Number(process.env.BENCH_PORT ?? 3931);
    app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
      // The quota is raised for the run only; requests are logged at warn (one info line per request
      // would measure the terminal, not the app).
      env: { ...process.env, ACP_ENV: "test", ACP_DISABLE_JOBS: "1", LOG_LEVEL: "warn", ACP_VERIFY_KEY_PER_MINUTE: "1000000", NODE_ENV: "production", ACP_VERIFY_API_PORT: String(port + 2) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    // The app's lean listener (ACP_VERIFY_API_PORT), which is what agency systems are pointed at; the
    // Next route gives the same answers and is measured too, for comparison.
    const url = `http://127.0.0.1:${port + 2}/api/v1/verify`;
    const routeUrl = `http://127.0.0.1:${port}/api/v1/verify`;
    // The exact answer shape, once, before measuring.
    const probe = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(samples[0]) });
    const probeBody = await probe.text();
    console.log(`probe: ${probe.status} ${probeBody}`);
    if (probe.status !== 200) throw new CliError("the verification API does not answer 200: fix that before measuring");
    await run(url, key, samples, 3, connections); // warm up
    console.log(`\n${duration} s each, ${connections} connections, loopback, ${samples.length} sample requests:`);
    const appResult = summary("app: lean listener", await run(url, key, samples, duration, connections));
    await run(routeUrl, key, samples, 3, connections);
    summary("app: Next route handler", await run(routeUrl, key, samples, duration, connections));
    app.kill("SIGTERM");
    app = undefined;

    const bare = await bareServer(env.database.url, port + 1);
    const bareUrl = `http://127.0.0.1:${port + 1}/`;
    await run(bareUrl, key, samples, 3, connections);
    const bareResult = summary("baseline: node:http + pg", await run(bareUrl, key, samples, duration, connections));
    await bare.close();

    const ratio = appResult.rps / bareResult.rps;
    console.log(`\nratio app/baseline: ${ratio.toFixed(2)}`);
    const met = appResult.rps >= TARGET_RPS && appResult.p99 <= TARGET_P99_MS && appResult.errors === 0 && ratio >= 0.5;
    console.log(`target ≥ ${TARGET_RPS} req/s, p99 ≤ ${TARGET_P99_MS} ms, 0 errors, ≥ 0.5 of baseline: ${met ? "met" : "NOT met"}`);
    await db.agencyApiKey.updateMany({ where: { label: "bench:verify", revokedAt: null }, data: { revokedAt: new Date() } });
  } finally {
    app?.kill("SIGTERM");
    await handle.close();
  }
});
