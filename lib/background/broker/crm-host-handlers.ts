/**
 * The options page's company CRM addresses. Adding and removing change what this browser runs
 * DeskLink on, so a locked policy refuses both; reading always brings the registered scripts in
 * line first (a permission the browser gave or took back meanwhile shows as it is).
 */
import type { CrmHostRegistrar } from '../crm-hosts/registrar';
import { refuseIfLocked } from '../policy';
import type { HandlersFrom } from './handlers';

type CrmHostCommand = 'crmHosts.get' | 'crmHosts.add' | 'crmHosts.remove';

export function createCrmHostHandlers(crmHosts: CrmHostRegistrar): Pick<HandlersFrom<'extension'>, CrmHostCommand> {
  return {
    'crmHosts.get': () => crmHosts.reconcile(),
    'crmHosts.add': async ({ address }) => {
      await refuseIfLocked();
      return crmHosts.add(address);
    },
    'crmHosts.remove': async ({ host }) => {
      await refuseIfLocked();
      return crmHosts.remove(host);
    },
  };
}
