// Wording of the wallet card (950 CMR 130.04(5)): name, participant number, substitute address,
// certification expiry date and a line for the participant's signature. Space is tight: keep it short.

export const CARD_ISSUER = "Commonwealth of Massachusetts, Secretary of the Commonwealth";
export const CARD_TITLE = "Address Confidentiality Program — Authorization card";

export const cardLabels = {
  participantNumber: "Participant number",
  substituteAddress: "Substitute address",
  expires: (expiresOn: string) => `Certification expires: ${expiresOn}`,
  issued: (issuedOn: string) => `Issued: ${issuedOn}`,
  signature: "Participant signature",
};

export const CARD_AGENCY_NOTICE = "Agencies must accept this substitute address (M.G.L. c. 9A §4).";

export const CARD_BACK_HEADING = "About this card";

/** The back of the card: what the holder or an agency clerk needs to know. */
export function cardBackParagraphs(v: { expiresOn: string; phone?: string }): string[] {
  return [
    "The person named on the front is a participant in the Address Confidentiality Program (ACP) under Massachusetts General Laws (M.G.L.) chapter 9A.",
    "Use the substitute address as this person's home, work and school address. Do not ask for their actual address.",
    `This card is not valid after ${v.expiresOn}.`,
    ...(v.phone ? [`To check this card, call the ACP at ${v.phone}.`] : []),
  ];
}
