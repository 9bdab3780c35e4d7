"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { searchAction, type SearchResult } from "./actions";

export function SearchForm() {
  const t = useTranslations("Participants");
  const m = useFormMessage();
  const format = useFormatter();
  const [state, formAction, pending] = useActionState<ActionState<SearchResult>, FormData>(searchAction, { status: "idle" });
  const values = state.status === "invalid" ? state.values : {};
  const result = state.status === "ok" ? state.data : undefined;
  return (
    <div>
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large" role="search">
        <Field name="q" label={t("query")} hint={t("queryHint")} error={state.status === "invalid" ? m(state.errors.q) : undefined} defaultValue={values.q ?? result?.q} autoComplete="off" spellCheck={false} />
        <input type="hidden" name="page" value="1" />
        <button className="usa-button" type="submit" disabled={pending}>
          {t("search")}
        </button>
      </form>
      {result && (
        <div aria-live="polite">
          <p>{t("results", { total: result.total })}</p>
          {result.rows.length > 0 && (
            <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
              <caption className="usa-sr-only">{t("title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colNumber")}</th>
                  <th scope="col">{t("colName")}</th>
                  <th scope="col">{t("colTrack")}</th>
                  <th scope="col">{t("colStatus")}</th>
                  <th scope="col">{t("colExpires")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t("colNumber")}>
                      <Link href={`/participants/${p.id}`}>{formatParticipantNumber(p.participantNumber)}</Link>
                    </td>
                    <th scope="row" data-label={t("colName")}>
                      {p.lastName}, {p.firstName}
                    </th>
                    <td data-label={t("colTrack")}>{t(`track.${p.track}`)}</td>
                    <td data-label={t("colStatus")}>{t(`status.${p.status}`)}</td>
                    <td data-label={t("colExpires")}>{format.dateTime(new Date(p.expiresOn), { dateStyle: "medium", timeZone: "UTC" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.pages > 1 && (
            <nav aria-label={t("page", { page: result.page, pages: result.pages })} className="acp-pager">
              <p>{t("page", { page: result.page, pages: result.pages })}</p>
              {result.page > 1 && (
                <form key={formKey(state)} action={formAction}>
                  <input type="hidden" name="q" value={result.q} />
                  <input type="hidden" name="page" value={result.page - 1} />
                  <button className="usa-button usa-button--outline" type="submit">
                    {t("previous")}
                  </button>
                </form>
              )}
              {result.page < result.pages && (
                <form key={formKey(state)} action={formAction}>
                  <input type="hidden" name="q" value={result.q} />
                  <input type="hidden" name="page" value={result.page + 1} />
                  <button className="usa-button usa-button--outline" type="submit">
                    {t("next")}
                  </button>
                </form>
              )}
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
