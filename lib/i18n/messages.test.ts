import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { negotiateLocale } from "./config";
import { mergeWithFallback, messagesFor, rawMessages } from "./messages";
import { readFileSync } from "node:fs";
import { sourceFiles, usedKeysIn, usedKeysInProject } from "./used-keys";

type Tree = { [k: string]: unknown };
function flatten(o: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === "_meta") continue;
    if (typeof v === "string") out[prefix + k] = v;
    else if (v && typeof v === "object" && !Array.isArray(v)) Object.assign(out, flatten(v as Tree, `${prefix}${k}.`));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = flatten(en);

describe("message keys used in code", () => {
  it("finds keys through the translator each file binds", () => {
    const src = `const t = await getTranslations("Home");\nt("title"); t.rich("lead");\nconst e = useTranslations('Errors'); e("tryAgain");`;
    expect(usedKeysIn(src)).toEqual(["Home.title", "Home.lead", "Errors.tryAgain"]);
  });

  it("uses the nearest binding when a file binds the same name twice", () => {
    const src = `async function a() { const t = await getTranslations("Metadata"); t("siteName"); }\nasync function b() { const t = await getTranslations("Shell"); t("quickExit"); }`;
    expect(usedKeysIn(src)).toEqual(["Metadata.siteName", "Shell.quickExit"]);
  });

  it("all exist in the English file", () => {
    const used = usedKeysInProject();
    expect(used.length).toBeGreaterThan(50);
    const missing = used.filter((u) => !(u.key in english)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});

describe("message keys that server code hands to forms", () => {
  it("all exist in the English file (AppErrors.*, Validation.*, Errors.*)", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(["app", "components", "lib"])) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/["'`]((?:AppErrors|Validation|Errors)\.[A-Za-z0-9-]+)["'`]/g)) {
        if (!(key in english)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe.each(["es", "pt"] as const)("the %s translation", (locale) => {
  const raw = rawMessages[locale] as Tree & { _meta?: { status?: string; _untranslated?: string[] } };
  const translated = flatten(raw);
  const untranslated = new Set(raw._meta?._untranslated ?? []);

  it("is marked as a draft for review by a qualified translator until reviewed", () => {
    expect(raw._meta?.status).toMatch(/^(draft|reviewed)$/);
  });

  it("has every English key, or lists it as untranslated (it then falls back to English)", () => {
    const gaps = Object.keys(english).filter((k) => !(k in translated) && !untranslated.has(k));
    expect(gaps).toEqual([]);
    expect(Object.keys(translated).filter((k) => !(k in english))).toEqual([]);
  });

  it("translates the whole shell and privacy notice", () => {
    const required = Object.keys(english).filter((k) => k.startsWith("Shell.") || k.startsWith("Privacy."));
    expect(required.filter((k) => !(k in translated) || untranslated.has(k))).toEqual([]);
  });

  it("keeps every placeholder", () => {
    const wrong = Object.keys(translated).filter((k) => k in english && placeholders(translated[k]).join() !== placeholders(english[k]).join());
    expect(wrong).toEqual([]);
  });

  it("gives a complete message set after fallback", () => {
    expect(Object.keys(flatten(messagesFor(locale) as unknown as Tree)).sort()).toEqual(Object.keys(english).sort());
  });
});

describe("fallback and language choice", () => {
  it("falls back to English for a missing key only", () => {
    expect(mergeWithFallback({ a: "A", b: { c: "C", d: "D" } }, { b: { c: "Ce" } })).toEqual({ a: "A", b: { c: "Ce", d: "D" } });
  });

  it("picks the best supported language from the browser", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt");
    expect(negotiateLocale("fr-FR,es;q=0.5")).toBe("es");
    expect(negotiateLocale("de,fr")).toBe("en");
    expect(negotiateLocale("es;q=0,en;q=0.1")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
