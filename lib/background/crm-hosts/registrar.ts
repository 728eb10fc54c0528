/**
 * Company CRM hosts: the addresses an admin added on the options page (kept in storage.local
 * under `crmHosts`) and those the policy names (`crmHosts`). DeskLink runs on such a host only
 * while the browser grants its origin (an optional host permission the admin allows) and a data
 * centre is configured: then its content script is registered there (scripting, kept across
 * restarts) and the host maps to that data centre. Everything else is unregistered, so the
 * panel never runs on an origin nobody added. Removing an address the admin added drops its
 * script and gives the permission back.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { CRM_HOST_MAP_KEY, checkCrmAddress, crmHostOrigin, MAX_CRM_ADDRESSES, type CustomCrmHosts } from '../../shared/crm-address';
import type { CrmAddressesView } from '../../shared/crm-address-view';
import { DeskLinkError } from '../../shared/errors';

/** storage.local key of the addresses added on the options page (host names). */
const ADDED_KEY = 'crmHosts';
/** Registered scripts DeskLink owns start with this id. */
const SCRIPT_PREFIX = 'desklink-crm:';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The parts of `browser.scripting` used here (Chrome and Firefox MV3 both have them). */
interface ScriptingApi {
  registerContentScripts(
    scripts: {
      id: string;
      matches: string[];
      js: string[];
      allFrames: boolean;
      runAt: 'document_idle';
      persistAcrossSessions: boolean;
    }[],
  ): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
}

interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

interface LocalStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface RegistrarDeps {
  scripting: ScriptingApi;
  permissions: PermissionsApi;
  storage: LocalStorageArea;
  /** The hosts the policy names (already checked), [] without a policy. */
  policyHosts: () => Promise<readonly string[]>;
  /** The data centre in force, null before setup. */
  dataCentre: () => Promise<DataCentreId | null>;
  /** The built content script's file, as the manifest names it. */
  scriptFile: string;
}

export interface CrmHostRegistrar {
  /** Brings the registered scripts and the content scripts' host map in line; returns what the options page shows. */
  reconcile(): Promise<CrmAddressesView>;
  add(address: string): Promise<CrmAddressesView>;
  remove(host: string): Promise<CrmAddressesView>;
  /** The hosts in force now, for the broker's sender checks. */
  inForce(): Promise<CustomCrmHosts>;
}

const scriptId = (host: string) => `${SCRIPT_PREFIX}${host}`;
const crmPages = (host: string) => [`https://${host}/crm/*`];

export function createCrmHostRegistrar(deps: RegistrarDeps): CrmHostRegistrar {
  // One change at a time: two quick clicks must not register the same id twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function addedHosts(): Promise<string[]> {
    const raw = (await deps.storage.get(ADDED_KEY))[ADDED_KEY];
    if (!Array.isArray(raw)) return [];
    return raw.filter((host): host is string => typeof host === 'string' && checkCrmAddress(`https://${host}`).ok);
  }

  async function state(): Promise<CrmAddressesView> {
    const [added, policy, dataCentre] = await Promise.all([addedHosts(), deps.policyHosts(), deps.dataCentre()]);
    const hosts = [...new Set([...policy, ...added])];
    const addresses = await Promise.all(
      hosts.map(async (host) => {
        const granted = await deps.permissions.contains({ origins: [crmHostOrigin(host)] }).catch(() => false);
        return {
          host,
          fromPolicy: policy.includes(host),
          addedHere: added.includes(host),
          granted,
          active: granted && dataCentre !== null,
        };
      }),
    );
    return { dataCentre, addresses };
  }

  async function reconcile(): Promise<CrmAddressesView> {
    const view = await state();
    const wanted = new Set(view.addresses.filter((address) => address.active).map((address) => address.host));
    const registered = (await deps.scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(SCRIPT_PREFIX));
    const stale = registered.filter((script) => !wanted.has(script.id.slice(SCRIPT_PREFIX.length))).map((script) => script.id);
    if (stale.length) await deps.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((script) => script.id));
    const missing = [...wanted].filter((host) => !have.has(scriptId(host)));
    if (missing.length) {
      await deps.scripting.registerContentScripts(
        missing.map((host) => ({
          id: scriptId(host),
          matches: crmPages(host),
          js: [deps.scriptFile],
          // As the manifest's script: CRM Plus and Zoho One frame CRM.
          allFrames: true,
          runAt: 'document_idle' as const,
          persistAcrossSessions: true,
        })),
      );
    }
    const map = Object.fromEntries([...wanted].map((host) => [host, view.dataCentre]));
    await deps.storage.set({ [CRM_HOST_MAP_KEY]: map });
    return view;
  }

  return {
    reconcile: () => serial(reconcile),
    add: (address) =>
      serial(async () => {
        const check = checkCrmAddress(address);
        if (!check.ok) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: `crmAddress:${check.problem}` });
        const added = await addedHosts();
        if (!added.includes(check.host)) {
          if (added.length >= MAX_CRM_ADDRESSES) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'crmAddress:tooMany' });
          await deps.storage.set({ [ADDED_KEY]: [...added, check.host] });
        }
        return reconcile();
      }),
    remove: (host) =>
      serial(async () => {
        const added = await addedHosts();
        await deps.storage.set({ [ADDED_KEY]: added.filter((known) => known !== host) });
        // A host the policy names stays: its permission is the policy's to keep.
        if (added.includes(host) && !(await deps.policyHosts()).includes(host)) {
          await reconcile();
          await deps.permissions.remove({ origins: [crmHostOrigin(host)] }).catch(() => false);
        }
        return reconcile();
      }),
    inForce: async () => {
      const view = await state();
      return new Map(view.addresses.filter((address) => address.active).map((address) => [address.host, view.dataCentre!]));
    },
  };
}
