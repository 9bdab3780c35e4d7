/** How a letter tells the reader to reach the program. Only the program's own address goes here. */
export interface ProgramContact {
  /** "Address Confidentiality Program" */
  name: string;
  phone: string;
  tollFree: string;
  /** One line, e.g. "PO Box 123, Boston, MA 02101": the program's mailing address, never a participant's. */
  mailingAddress: string;
}
