"use client";

import { useTranslations } from "next-intl";

/**
 * Server actions answer with message keys (Validation.*, AppErrors.*, Errors.*): this turns one into
 * the user's language. Anything that is not a key is shown as it is.
 */
export function useFormMessage(): (m?: string) => string | undefined {
  const t = useTranslations();
  return (m) => {
    if (!m) return m;
    const key = m as Parameters<typeof t>[0];
    return /^[A-Z][A-Za-z]+\.[A-Za-z0-9.-]+$/.test(m) && t.has(key) ? t(key) : m;
  };
}
