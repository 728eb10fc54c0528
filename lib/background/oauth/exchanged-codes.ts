/**
 * A grant code works once, but setup asks with it twice (`Next` lists the portals, `Save` stores
 * the credential, perhaps after a worker restart). The refresh token a code was exchanged for
 * waits here, in storage.session (memory only; TRUSTED_CONTEXTS, so never readable by content
 * scripts), named by a hash of the client id and the code, until `Save` stores it or the
 * browser session ends.
 */
import { browser } from 'wxt/browser';

const PREFIX = 'orgExchanged.';

async function keyOf(clientId: string, grantCode: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${clientId}\n${grantCode}`));
  return PREFIX + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

type SessionArea = typeof browser.storage.session & {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
};

async function sessionArea(): Promise<SessionArea> {
  const area = browser.storage.session as SessionArea;
  await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  return area;
}

/** The refresh token `grantCode` was exchanged for in this browser session, if it was. */
export async function exchangedRefreshToken(clientId: string, grantCode: string): Promise<string | undefined> {
  const key = await keyOf(clientId, grantCode);
  const known = (await (await sessionArea()).get(key))[key];
  return typeof known === 'string' ? known : undefined;
}

export async function rememberExchange(clientId: string, grantCode: string, refreshToken: string): Promise<void> {
  await (await sessionArea()).set({ [await keyOf(clientId, grantCode)]: refreshToken });
}

/** Forgets every exchanged code (after `Save` stored the credential, and on deactivation). */
export async function forgetExchangedCodes(): Promise<void> {
  const area = await sessionArea();
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
