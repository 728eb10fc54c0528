/** What the panel shows, as the record session decides it (components/panel draws it). */
import type { DataCentreId } from '../shared/data-centres';
import type { ErrorInfo } from '../shared/errors';
import type { CrmModule, Language, TicketPreview, TicketsView } from '../shared/protocol';

export type PanelBody =
  /** Waiting for the page or the broker: a skeleton, the region busy. */
  | { kind: 'loading' }
  /** Nothing connected yet: the set-up link. */
  | { kind: 'unconfigured' }
  /** Zoho rejected the stored credential: an alert and the set-up link. */
  | { kind: 'rejected' }
  /** An OAuth sign-in expired: an alert and `Sign in again`. */
  | { kind: 'signedOut' }
  /** A Lead/Contact without email or an Account without name: nothing to look up. */
  | { kind: 'noIdentity'; module: CrmModule }
  /** The broker failed and had nothing cached: an alert saying what to do. */
  | { kind: 'error'; error: ErrorInfo }
  /** Tickets (possibly none, possibly stale with the error that kept them stale). */
  | { kind: 'tickets'; view: TicketsView };

/** One ticket's preview as the session knows it: asked, answered, or failed. */
export type PreviewState = { kind: 'loading' } | { kind: 'ready'; preview: TicketPreview } | { kind: 'error'; error: ErrorInfo };

export interface PanelViewState {
  /** Changes with the record: the panel starts afresh (tab, Show more) for another record. */
  recordKey: string;
  body: PanelBody;
  language: Language;
  /** IANA zone every time is written in. */
  timeZone: string;
  /** A Refresh (or background revalidation) is running. */
  refreshing: boolean;
  /** Set when the CRM page's data centre differs from the configured Desk data centre. */
  dataCentreMismatch: { page: DataCentreId; configured: DataCentreId } | null;
  /** Previews asked for on this record, by ticket id (absent: none asked yet). */
  previews?: Readonly<Record<string, PreviewState>>;
  /** Zoho Desk is busy: asked again at this time (epoch ms); the panel counts down to it. */
  retryAt?: number | null;
  /** Zoho Desk stayed busy past the panel's patience: it stopped asking until Refresh. */
  gaveUp?: boolean;
  /** What the lookup searched Desk for (the record's emails, or its account name), for "No tickets". */
  searched?: { emails: readonly string[]; accountName?: string };
}
