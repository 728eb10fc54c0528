/**
 * Stand-ins for the browser parts the company CRM hosts use that WXT's fakeBrowser lacks
 * (scripting, permissions): each keeps its state in plain sets, and a registrar built on them
 * uses fakeBrowser's storage.local and the real policy and settings readers.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCrmHostRegistrar } from '../../../lib/background/crm-hosts/registrar';
import { readPolicy } from '../../../lib/background/policy';
import { effectiveSettings } from '../../../lib/background/settings/store';

type RegistrarDeps = Parameters<typeof createCrmHostRegistrar>[0];
type ScriptingApi = RegistrarDeps['scripting'];
type PermissionsApi = RegistrarDeps['permissions'];
type Registered = Parameters<ScriptingApi['registerContentScripts']>[0][number];

export function fakeScripting() {
  const scripts = new Map<string, Registered>();
  const api: ScriptingApi = {
    registerContentScripts: (list) => {
      // As the browsers do: a duplicate id fails the whole call.
      const duplicate = list.find((script) => scripts.has(script.id));
      if (duplicate) return Promise.reject(new Error(`Duplicate script ID '${duplicate.id}'`));
      for (const script of list) scripts.set(script.id, script);
      return Promise.resolve();
    },
    unregisterContentScripts: ({ ids }) => {
      for (const id of ids) scripts.delete(id);
      return Promise.resolve();
    },
    getRegisteredContentScripts: () => Promise.resolve([...scripts.values()]),
  };
  return { api, scripts };
}

export function fakePermissions(granted: Iterable<string> = []) {
  const origins = new Set(granted);
  const api: PermissionsApi = {
    contains: ({ origins: asked }) => Promise.resolve(asked.every((origin) => origins.has(origin))),
    remove: ({ origins: given }) => {
      for (const origin of given) origins.delete(origin);
      return Promise.resolve(true);
    },
  };
  return { api, origins };
}

/** A registrar as the background builds it, on the fakes. */
export function testCrmHosts(granted: Iterable<string> = []) {
  const scripting = fakeScripting();
  const permissions = fakePermissions(granted);
  const registrar = createCrmHostRegistrar({
    scripting: scripting.api,
    permissions: permissions.api,
    storage: fakeBrowser.storage.local,
    policyHosts: async () => (await readPolicy()).policy.crmHosts ?? [],
    dataCentre: async () => (await effectiveSettings()).dataCentre,
    scriptFile: 'content-scripts/crm.js',
  });
  return { registrar, scripts: scripting.scripts, origins: permissions.origins };
}
