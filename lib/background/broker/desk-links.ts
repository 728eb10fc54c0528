/**
 * A ticket's `webUrl` reaches the panel as a link only when it points into the configured
 * portal's Zoho Desk: https on the data centre's Desk host, no port, no user name. Anything else
 * (a link Zoho never makes, or one that a compromised answer or cache planted) becomes null, and
 * the panel shows the subject as plain text.
 */
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';
import type { TicketSummary } from '../../shared/protocol';

function isDeskLink(webUrl: string, deskHost: string): boolean {
  try {
    const url = new URL(webUrl);
    return url.protocol === 'https:' && url.hostname === deskHost && url.port === '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The record's own Desk page when it points into the portal's Desk, else null. */
export function onlyDeskLink(webUrl: string | null | undefined, dataCentre: DataCentreId): string | null {
  return webUrl && isDeskLink(webUrl, DATA_CENTRES[dataCentre].deskHost) ? webUrl : null;
}

/** The tickets with every link that does not point into the portal's Desk removed (the same array when none does). */
export function onlyDeskLinks(tickets: TicketSummary[], dataCentre: DataCentreId): TicketSummary[] {
  const { deskHost } = DATA_CENTRES[dataCentre];
  if (tickets.every((t) => t.webUrl === null || isDeskLink(t.webUrl, deskHost))) return tickets;
  return tickets.map((t) => (t.webUrl === null || isDeskLink(t.webUrl, deskHost) ? t : { ...t, webUrl: null }));
}
