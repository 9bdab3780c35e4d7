import en from "./messages/en.json";
import es from "./messages/es.json";
import pt from "./messages/pt.json";
import type { Locale } from "./config";

export type Messages = typeof en;
type Tree = { [key: string]: string | Tree };

/**
 * Translations may leave keys out while a qualified translator reviews them: those keys, and only
 * those, are listed under `_untranslated` in the file and fall back to English (a test checks this).
 */
export function mergeWithFallback(base: Tree, overlay: Tree): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(base)) {
    const o = overlay[k];
    if (typeof v === "string") out[k] = typeof o === "string" ? o : v;
    else out[k] = mergeWithFallback(v, o && typeof o === "object" ? o : {});
  }
  return out;
}

const raw: Record<Locale, Tree> = { en, es, pt } as unknown as Record<Locale, Tree>;

export function messagesFor(locale: Locale): Messages {
  if (locale === "en") return en;
  const { _meta, ...rest } = raw[locale] as Tree & { _meta?: unknown };
  void _meta;
  return mergeWithFallback(en as unknown as Tree, rest as Tree) as unknown as Messages;
}

export const rawMessages = raw;
