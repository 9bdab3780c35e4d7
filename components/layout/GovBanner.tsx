"use client";

import { useId, useState } from "react";
import dotGov from "@uswds/uswds/img/icon-dot-gov.svg";
import https from "@uswds/uswds/img/icon-https.svg";
import flag from "@uswds/uswds/img/us_flag_small.png";

export interface GovBannerText {
  official: string;
  howYouKnow: string;
  dotGovHeading: string;
  dotGovText: string;
  httpsHeading: string;
  httpsText: string;
}

/**
 * The USWDS official-website banner, with our own translated text (react-uswds' GovBanner offers
 * English and Spanish only). Its images are bundled and served from our origin.
 */
export function GovBanner({ text }: { text: GovBannerText }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="usa-banner" aria-label={text.official}>
      <div className="usa-accordion">
        <header className={`usa-banner__header${open ? " usa-banner__header--expanded" : ""}`}>
          <div className="usa-banner__inner">
            <div className="grid-col-auto">
              <img aria-hidden="true" className="usa-banner__header-flag" src={flag.src} alt="" />
            </div>
            <div className="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
              <p className="usa-banner__header-text">{text.official}</p>
              <p className="usa-banner__header-action">{text.howYouKnow}</p>
            </div>
            <button
              type="button"
              className="usa-accordion__button usa-banner__button"
              aria-expanded={open}
              aria-controls={id}
              onClick={() => setOpen((o) => !o)}
            >
              <span className="usa-banner__button-text">{text.howYouKnow}</span>
            </button>
          </div>
        </header>
        <div className="usa-banner__content usa-accordion__content" id={id} hidden={!open}>
          <div className="grid-row grid-gap-lg">
            <div className="usa-banner__guidance tablet:grid-col-6">
              <img className="usa-banner__icon usa-media-block__img" src={dotGov.src} role="img" alt="" aria-hidden="true" />
              <div className="usa-media-block__body">
                <p>
                  <strong>{text.dotGovHeading}</strong>
                  <br />
                  {text.dotGovText}
                </p>
              </div>
            </div>
            <div className="usa-banner__guidance tablet:grid-col-6">
              <img className="usa-banner__icon usa-media-block__img" src={https.src} role="img" alt="" aria-hidden="true" />
              <div className="usa-media-block__body">
                <p>
                  <strong>{text.httpsHeading}</strong>
                  <br />
                  {text.httpsText}
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
