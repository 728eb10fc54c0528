/**
 * A company's own CRM address (Zoho CRM served from the company's host, e.g.
 * `https://crm.example.co.jp`): what an admin may add, and the one shape DeskLink keeps of it,
 * the lower-case ASCII host name (an internationalised name in its punycode form, as browsers
 * match it). Free of zod and of browser APIs: the content script, the broker and the options
 * page all use it.
 */
import { CRM_HOSTS, type DataCentreId } from './data-centres';

/** Why an address was refused, in words the options page turns into a sentence. */
export type CrmAddressProblem = 'empty' | 'notUrl' | 'notHttps' | 'hasPath' | 'hasPort' | 'notHostName' | 'zohoHost';

type CrmAddressCheck = { ok: true; host: string } | { ok: false; problem: CrmAddressProblem };

/** The custom CRM hosts in force and the data centre each one's records belong to. */
export type CustomCrmHosts = ReadonlyMap<string, DataCentreId>;

/** storage.local key of the custom hosts in force, `{ [host]: dataCentre }`: the content script reads it (nothing secret). */
export const CRM_HOST_MAP_KEY = 'crmHostMap';

/** At most this many addresses (each is a permission and a registered script). */
export const MAX_CRM_ADDRESSES = 20;

/** A DNS name of two labels or more: letters, digits and hyphens (punycode `xn--` included). */
const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks what an admin typed (or a policy gave): `https://` and a host name, nothing else (a
 * trailing `/` is fine). Zoho's own CRM hosts are refused: DeskLink already runs there.
 */
export function checkCrmAddress(input: string): CrmAddressCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: /^https?:\/\//i.test(text) ? 'notHostName' : 'notUrl' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'notHttps' };
  if (url.username || url.password) return { ok: false, problem: 'notHostName' };
  if (url.port) return { ok: false, problem: 'hasPort' };
  // `https://host` and `https://host/` both leave pathname `/`; anything more is a page, not an address.
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) return { ok: false, problem: 'hasPath' };
  // The URL parser has lower-cased the name and turned an internationalised one into punycode.
  const host = url.hostname.replace(/\.$/, '');
  if (!HOST_NAME.test(host)) return { ok: false, problem: 'notHostName' };
  if (CRM_HOSTS.includes(host)) return { ok: false, problem: 'zohoHost' };
  return { ok: true, host };
}

/** The match pattern of a custom host's pages: its origin, every path. */
export function crmHostOrigin(host: string): string {
  return `https://${host}/*`;
}

/** The custom hosts in force from what storage.local holds (anything malformed is left out). */
export function crmHostMapFrom(raw: unknown, dataCentres: readonly string[]): CustomCrmHosts {
  const map = new Map<string, DataCentreId>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return map;
  for (const [host, dc] of Object.entries(raw)) {
    const check = checkCrmAddress(`https://${host}`);
    if (check.ok && check.host === host && typeof dc === 'string' && dataCentres.includes(dc)) map.set(host, dc as DataCentreId);
  }
  return map;
}
