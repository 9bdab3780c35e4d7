import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every URL and page title a browser test saw, for the canary leak scan that runs last. */
export const SEEN_FILE = path.resolve("test-results/seen.jsonl");

export function recordSeen(entry: { url: string; title: string }) {
  mkdirSync(path.dirname(SEEN_FILE), { recursive: true });
  appendFileSync(SEEN_FILE, JSON.stringify(entry) + "\n");
}

export function readSeen(): { url: string; title: string }[] {
  if (!existsSync(SEEN_FILE)) return [];
  return readFileSync(SEEN_FILE, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}
