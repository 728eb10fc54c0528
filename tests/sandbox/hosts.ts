/**
 * Which Zoho hosts the sandbox answers, from the product's own data-centre table, and the flags
 * that point a browser at the sandbox for them.
 */
import { ACCOUNTS_HOSTS, API_HOSTS, CRM_HOSTS, DESK_HOSTS } from '../../lib/shared/data-centres';

export type HostKind = 'desk' | 'crm' | 'accounts' | 'crmApi';

/**
 * A company's own CRM address (Enterprise tenants serve CRM from their own host): the sandbox
 * serves the same CRM pages there. DeskLink knows nothing of it until an admin adds it.
 */
export const COMPANY_CRM_HOSTS: readonly string[] = ['crm.example.co.jp'];

export const SANDBOX_HOSTS: readonly string[] = [...DESK_HOSTS, ...CRM_HOSTS, ...ACCOUNTS_HOSTS, ...API_HOSTS, ...COMPANY_CRM_HOSTS];

/** What a request's Host header names, or undefined for a host the sandbox does not serve. */
export function hostKind(hostHeader: string | undefined): { host: string; kind: HostKind } | undefined {
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (DESK_HOSTS.includes(host)) return { host, kind: 'desk' };
  if (CRM_HOSTS.includes(host) || COMPANY_CRM_HOSTS.includes(host)) return { host, kind: 'crm' };
  if (ACCOUNTS_HOSTS.includes(host)) return { host, kind: 'accounts' };
  if (API_HOSTS.includes(host)) return { host, kind: 'crmApi' };
  return undefined;
}

/** Chromium: `--host-resolver-rules` mapping every sandbox host to the sandbox port. */
export function chromiumHostRulesFlag(port: number, hosts: readonly string[] = SANDBOX_HOSTS): string {
  return `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`;
}

/** Firefox prefs: Firefox has no per-host map, so every name resolves to loopback and :443 goes to the port. */
export function firefoxHostPrefs(port: number): Record<string, string> {
  return { 'network.dns.forceResolve': '127.0.0.1', 'network.socket.forcePort': `443=${port}` };
}
