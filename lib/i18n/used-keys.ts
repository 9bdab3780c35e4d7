import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The message keys the code uses, found by reading the source: for each
 * translator bound from getTranslations(<namespace>) or useTranslations(<namespace>), every call
 * t(<key>), t.rich(<key>) or t.markup(<key>) after it in the same file. Used by the test that fails on a key
 * missing from en.json (the type check catches most; this also covers plain JS and dynamic files).
 */
export function usedKeysIn(source: string): string[] {
  const binding = /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:getTranslations|useTranslations)\(\s*["']([\w.]+)["']\s*\)/g;
  // A name may be bound again in another function of the file: a call uses the nearest binding before it.
  const bindings = [...source.matchAll(binding)].map((m) => ({ name: m[1], ns: m[2], at: m.index! }));
  const keys: { key: string; at: number }[] = [];
  for (const name of new Set(bindings.map((b) => b.name))) {
    const call = new RegExp(`\\b${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*["']([\\w.]+)["']`, "g");
    for (const m of source.matchAll(call)) {
      const b = bindings.filter((x) => x.name === name && x.at < m.index!).at(-1);
      if (b) keys.push({ key: `${b.ns}.${m[1]}`, at: m.index! });
    }
  }
  return keys.sort((a, b) => a.at - b.at).map((k) => k.key);
}

export function sourceFiles(dirs: string[], root = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!["node_modules", "generated", ".next"].includes(e.name)) walk(p);
      } else if (/\.(tsx?|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

export function usedKeysInProject(root = process.cwd()): { file: string; key: string }[] {
  return sourceFiles(["app", "components", "lib"], root).flatMap((file) =>
    usedKeysIn(readFileSync(file, "utf8")).map((key) => ({ file: path.relative(root, file), key })),
  );
}
