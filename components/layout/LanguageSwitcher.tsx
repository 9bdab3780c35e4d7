import { getLocale, getTranslations } from "next-intl/server";
import { localeNames, locales } from "@/lib/i18n/config";
import { setLanguage } from "./language-action";

/** Plain buttons in a form: works without scripts, by keyboard, and in every language's own name. */
export async function LanguageSwitcher() {
  const t = await getTranslations("Shell");
  const current = await getLocale();
  return (
    <form action={setLanguage} className="acp-language" aria-label={t("languageChange")}>
      <span className="acp-language__label" id="acp-language-label">
        {t("languageLabel")}:
      </span>
      <ul className="acp-language__list" aria-labelledby="acp-language-label">
        {locales.map((l) => (
          <li key={l}>
            <button
              type="submit"
              name="locale"
              value={l}
              lang={l}
              className="usa-button usa-button--unstyled acp-language__button"
              aria-current={l === current ? "true" : undefined}
            >
              {localeNames[l]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
