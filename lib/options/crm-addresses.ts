/**
 * The options page's company CRM addresses, apart from drawing: adding asks the browser for the
 * origin first, synchronously in the admin's click (Firefox grants only from the user's own
 * input, before any await), then tells the broker; the address is kept even when the browser
 * says no, so the admin can ask again without typing it twice.
 */
import { checkCrmAddress, crmHostOrigin, type CrmAddressProblem } from '../shared/crm-address';
import type { CrmAddressesView } from '../shared/crm-address-view';
import type { ErrorInfo } from '../shared/errors';
import type { AdminSend } from './admin-send';

/** `permissions.request` for one origin, as the options page's entrypoint wires it. */
export type RequestHostAccess = (origin: string) => Promise<boolean>;

export type CrmAddressOutcome =
  | { kind: 'done'; view: CrmAddressesView; words: 'added' | 'removed' | 'allowed' | 'denied'; host: string }
  | { kind: 'refused'; problem: CrmAddressProblem | 'tooMany' }
  | { kind: 'failed'; error: ErrorInfo };

const PROBLEM_PREFIX = 'crmAddress:';

function refusal(error: ErrorInfo): CrmAddressOutcome {
  if (error.code === 'INVALID_INPUT' && error.detail?.startsWith(PROBLEM_PREFIX)) {
    return { kind: 'refused', problem: error.detail.slice(PROBLEM_PREFIX.length) as CrmAddressProblem | 'tooMany' };
  }
  return { kind: 'failed', error };
}

/** Asks for access to `host` now (call it straight from the click), then saves `address` whatever the answer. */
function askThenSave(send: AdminSend, requestAccess: RequestHostAccess, host: string, address: string, allowed: 'added' | 'allowed') {
  const asked = requestAccess(crmHostOrigin(host)).catch(() => false);
  return async (): Promise<CrmAddressOutcome> => {
    const granted = await asked;
    const answer = await send({ command: 'crmHosts.add', address });
    if (!answer.ok) return refusal(answer.error);
    return { kind: 'done', view: answer.data, words: granted ? allowed : 'denied', host };
  };
}

/** `Add address`: checked here first, so a typo costs no browser prompt. */
export function addCrmAddress(send: AdminSend, requestAccess: RequestHostAccess, text: string): Promise<CrmAddressOutcome> {
  const check = checkCrmAddress(text);
  if (!check.ok) return Promise.resolve({ kind: 'refused', problem: check.problem });
  return askThenSave(send, requestAccess, check.host, `https://${check.host}`, 'added')();
}

/** `Allow access` on an address already listed (added here or by policy). */
export function allowCrmAddress(
  send: AdminSend,
  requestAccess: RequestHostAccess,
  host: string,
  fromPolicy: boolean,
): Promise<CrmAddressOutcome> {
  if (!fromPolicy) return askThenSave(send, requestAccess, host, `https://${host}`, 'allowed')();
  // A policy address is not the admin's to add: ask, then read the state the broker brings in line.
  const asked = requestAccess(crmHostOrigin(host)).catch(() => false);
  return (async () => {
    const granted = await asked;
    const answer = await send({ command: 'crmHosts.get' });
    if (!answer.ok) return refusal(answer.error);
    return { kind: 'done', view: answer.data, words: granted ? 'allowed' : 'denied', host };
  })();
}

export async function removeCrmAddress(send: AdminSend, host: string): Promise<CrmAddressOutcome> {
  const answer = await send({ command: 'crmHosts.remove', host });
  if (!answer.ok) return refusal(answer.error);
  return { kind: 'done', view: answer.data, words: 'removed', host };
}
