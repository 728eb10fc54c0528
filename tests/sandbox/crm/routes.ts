/**
 * Zoho CRM NextGen record-page paths (`/crm/<org>/tab/<Module>/<id>`) as the sandbox's CRM app reads them.
 * `…/tab/Leads/list` is deliberately a "record" whose id is `list`: the real app requests it,
 * the request 404s and the page stays blank.
 */
import type { CrmModule } from '../generate/model';

export type CrmRoute =
  | { kind: 'record'; module: string; id: string }
  | { kind: 'edit'; module: string; id: string }
  | { kind: 'create'; module: string }
  | { kind: 'list'; module: string; customView: string }
  | { kind: 'home'; module: string }
  | { kind: 'other' };

export const MODULE_LABELS: Record<CrmModule, { plural: string; singular: string }> = {
  Leads: { plural: 'Leads', singular: 'Lead' },
  Contacts: { plural: 'Contacts', singular: 'Contact' },
  Accounts: { plural: 'Accounts', singular: 'Account' },
  Potentials: { plural: 'Deals', singular: 'Deal' },
  CustomModule1: { plural: 'Assets', singular: 'Asset' },
};

export const isCrmModule = (name: string): name is CrmModule => Object.hasOwn(MODULE_LABELS, name);

/** Layout and custom-view ids (same 19-digit shape as record ids). */
export const LAYOUT_ID: Record<CrmModule, string> = {
  Leads: '5293322000000091055',
  Contacts: '5293322000000091033',
  Accounts: '5293322000000091011',
  Potentials: '5293322000000091077',
  CustomModule1: '5293322000000091099',
};
export const CUSTOM_VIEW_ID: Record<CrmModule, string> = {
  Leads: '5293322000000087501',
  Contacts: '5293322000000087525',
  Accounts: '5293322000000087545',
  Potentials: '5293322000000087565',
  CustomModule1: '5293322000000087585',
};

export function parseCrmPath(pathname: string): CrmRoute {
  const m = /^\/crm\/[^/]+\/tab\/([^/]+)(?:\/(.*))?$/.exec(pathname.replace(/\/+$/, ''));
  if (!m) return { kind: 'other' };
  const module = m[1]!;
  const rest = (m[2] ?? '').split('/').filter(Boolean);
  if (rest.length === 0) return { kind: 'home', module };
  if (rest[0] === 'create' && rest.length === 1) return { kind: 'create', module };
  if (rest[0] === 'custom-view' && rest[1] && (rest[2] === 'list' || rest[2] === 'canvas'))
    return { kind: 'list', module, customView: rest[1] };
  if (rest.length === 2 && rest[1] === 'edit') return { kind: 'edit', module, id: rest[0]! };
  if (rest.length === 1) return { kind: 'record', module, id: rest[0]! };
  return { kind: 'other' };
}
