"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { action, IDLE } from "@/lib/action";
import { locales, LOCALE_COOKIE } from "@/lib/i18n/config";

const schema = z.object({ locale: z.enum(locales) });

// Open to everyone, signed in or not: it reads and writes nothing but the visitor's own language
// cookie. Setting a cookie makes Next.js render the page again in the new language.
const choose = action("shell/set-language", schema, async ({ locale }) => {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  // A session cookie: no expiry, gone when the browser closes (privacy notice; SEC-27).
  (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "strict", secure, path: "/" });
  return { status: "ok" };
});

/** Choose the interface language (a plain form action: works without scripts). */
export async function setLanguage(formData: FormData): Promise<void> {
  await choose(IDLE, formData); // an unknown language changes nothing
}
