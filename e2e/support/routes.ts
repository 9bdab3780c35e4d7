import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every page and API route of the app, with a concrete URL to visit. The e2e suite checks each one
 * (headers, axe, no outside requests), and fails when app/ has a route that is missing here.
 */
export const PAGES: { pattern: string; path: string; heading: RegExp }[] = [
  { pattern: "/", path: "/", heading: /Address Confidentiality Program/ },
  { pattern: "/privacy", path: "/privacy", heading: /Privacy notice/ },
  { pattern: "/accessibility", path: "/accessibility", heading: /Accessibility statement/ },
];

export const API_ROUTES: { pattern: string; path: string; method: "GET" | "POST" }[] = [
  { pattern: "/api/health", path: "/api/health", method: "GET" },
];

/** The URL patterns app/ defines: route groups dropped, [param] kept. */
export function appRoutes(root = path.resolve("app")): { pages: string[]; api: string[] } {
  const pages: string[] = [];
  const api: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name.startsWith("_")) continue; // private folders (_components)
        walk(path.join(dir, e.name), /^\(.*\)$/.test(e.name) ? segments : [...segments, e.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(e.name)) {
        pages.push("/" + segments.join("/"));
      } else if (/^route\.(tsx|ts|js)$/.test(e.name)) {
        api.push("/" + segments.join("/"));
      }
    }
  };
  walk(root, []);
  return { pages: pages.sort(), api: api.sort() };
}
