/**
 * When an OAuth access token (1 hour) must be renewed: a little before it expires, so that no
 * Desk call is made with a token about to die (Zoho would answer INVALID_OAUTH).
 */
const RENEW_BEFORE_MS = 5 * 60_000;

interface Expiring {
  expiresAt: number;
}

export function isExpired(token: Expiring, now: number): boolean {
  return token.expiresAt <= now;
}

/** Renew when less than five minutes remain (or already expired). */
export function isDueForRenewal(token: Expiring, now: number): boolean {
  return token.expiresAt - now < RENEW_BEFORE_MS;
}
