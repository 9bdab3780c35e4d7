"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { locales, LOCALE_COOKIE } from "@/lib/i18n/config";

const schema = z.object({ locale: z.enum(locales) });

/**
 * Choose the interface language. Open to everyone, signed in or not: it reads and writes nothing
 * but the visitor's own language cookie. Setting a cookie makes Next.js render the page again.
 */
export async function setLanguage(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // an unknown language changes nothing
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  // A session cookie: no expiry, gone when the browser closes (privacy notice; SEC-27).
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}
