/**
 * The options page's commands once set up: settings, deactivation, diagnostics and the
 * connection test. Dispatch has checked the sender and the request's shape; failures throw
 * DeskLinkError, which dispatch turns into `{ ok: false }`.
 */
import { browser } from 'wxt/browser';
import { DeskLinkError, toErrorInfo } from '../../shared/errors';
import { forgetTicketDrafts } from '../../shared/ticket-drafts';
import type { ManagedField } from '../../shared/protocol';
import { deskToken, savable } from '../credentials/credential';
import { effectiveCredential } from '../credentials/effective-credential';
import { forgetExchangedCodes } from '../oauth/exchanged-codes';
import { clearPendingSignIn } from '../oauth/pending';
import { refuseIfLocked } from '../policy';
import type { EffectiveSettings } from '../settings/overlay';
import type { StoredSettings } from '../settings/schema';
import { clearStoredSettings, effectiveSettings, readStoredSettings, writeStoredSettings } from '../settings/store';
import type { HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';
import { requireTimeZone } from './setup-handlers';

type AdminCommand = 'settings.get' | 'settings.update' | 'deactivate' | 'diagnostics.get' | 'cache.clear' | 'connection.test';

const locked = (field: ManagedField) => new DeskLinkError({ code: 'POLICY_LOCKED', detail: field });
const notConfigured = () => new DeskLinkError({ code: 'NOT_CONFIGURED' });

/** A setup made by policy alone has nothing stored yet: start from what is in force. */
function storedFromPolicy(effective: EffectiveSettings): StoredSettings {
  // A policy organisation credential names no email until setup learns it: that is no reason to refuse.
  if (effective.credentialSource !== 'policy' || !effective.dataCentre || (effective.authKind === 'zsc' && !effective.email)) {
    throw notConfigured();
  }
  const { dataCentre, portal, enabled, language, timeZone } = effective;
  const email = effective.email ?? '';
  return { version: 1, dataCentre, email, authKind: effective.authKind ?? 'zsc', portal, enabled, language, timeZone };
}

export function createAdminHandlers({
  credentials,
  cache,
  setup,
  renewal,
  orgTokens,
  withCredential,
  diagnostics,
  views,
  budget,
}: Pick<
  BrokerParts,
  'credentials' | 'cache' | 'setup' | 'renewal' | 'orgTokens' | 'withCredential' | 'diagnostics' | 'views' | 'budget'
>): Pick<HandlersFrom<'extension'>, AdminCommand> {
  return {
    'settings.get': async () => views.view(await views.learnPolicyPortalName(await effectiveSettings())),

    'settings.update': async ({ command: _command, ...change }) => {
      await refuseIfLocked();
      const effective = await effectiveSettings();
      for (const field of ['enabled', 'language', 'timeZone'] as const) {
        if (change[field] !== undefined && effective.managed.includes(field)) throw locked(field);
      }
      if (change.timeZone !== undefined) requireTimeZone(change.timeZone);
      const stored = (await readStoredSettings()) ?? storedFromPolicy(effective);
      await writeStoredSettings({ ...stored, ...change });
      return views.view();
    },

    deactivate: async () => {
      await refuseIfLocked();
      const effective = await effectiveSettings();
      // A key given by policy is the organisation's to withdraw.
      if (effective.managed.includes('credential')) throw locked('credential');
      // Settings first: open CRM tabs watch them and show the set-up link at once.
      await clearStoredSettings();
      await credentials.clear();
      await clearPendingSignIn();
      await forgetExchangedCodes();
      await orgTokens.forgetAccessTokens();
      await cache.clearAll();
      await diagnostics.clear();
      await budget.clear();
      // Half-typed tickets quote customers: they go with the rest (storage.session is Chromium's panel's place).
      await forgetTicketDrafts(browser.storage.local);
      if (browser.storage.session) await forgetTicketDrafts(browser.storage.session);
      return views.view();
    },

    'diagnostics.get': () => diagnostics.read(),

    'cache.clear': async () => {
      await cache.clearAll();
      return diagnostics.read();
    },

    'connection.test': async () => {
      const effective = await effectiveSettings();
      const credential = await renewal.fresh(await effectiveCredential(credentials, effective.dataCentre));
      const { dataCentre, portal } = effective;
      if (!credential || !dataCentre || !portal) throw notConfigured();
      let used = credential;
      try {
        const { email } = await withCredential(credential, (current) => {
          used = current;
          return setup.whoAmI(dataCentre, deskToken(current), portal.id);
        });
        // It works (again): lift an earlier rejection of this same key.
        if (effective.credentialSource === 'stored' && (await credentials.isRejected(used))) await credentials.save(savable(used));
        return { portalName: portal.name, email };
      } catch (error) {
        await diagnostics.record(toErrorInfo(error));
        throw error;
      }
    },
  };
}
