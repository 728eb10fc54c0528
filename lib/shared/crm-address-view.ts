/** What the options page shows of the company CRM addresses (the broker's answer). */
import type { DataCentreId } from './data-centres';

export interface CrmAddressView {
  /** Lower-case ASCII host name (punycode for an internationalised name). */
  host: string;
  /** The policy names it: it cannot be removed here. */
  fromPolicy: boolean;
  /** An admin added it on this browser's options page. */
  addedHere: boolean;
  /** The browser lets DeskLink read this origin (the optional host permission). */
  granted: boolean;
  /** The panel runs there now: granted, and a data centre is configured. */
  active: boolean;
}

export interface CrmAddressesView {
  /** The data centre every company address maps to (the configured one); null before setup. */
  dataCentre: DataCentreId | null;
  addresses: CrmAddressView[];
}
