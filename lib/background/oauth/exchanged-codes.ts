/**
 * A grant code works once, but setup asks with it twice (`Next` lists the portals, `Save` stores
 * the credential, perhaps after a worker restart). The refresh token a code was exchanged for
 * waits here, in storage.session (memory only; TRUSTED_CONTEXTS, so never readable by content
 * scripts), named by a hash of the client id and the code, until `Save` stores it or the
 * browser session ends.
 */
import { sha256Hex, trustedSessionArea } from '../trusted-session';

const PREFIX = 'orgExchanged.';

async function keyOf(clientId: string, grantCode: string): Promise<string> {
  return PREFIX + (await sha256Hex(`${clientId}\n${grantCode}`));
}

/** The refresh token `grantCode` was exchanged for in this browser session, if it was. */
export async function exchangedRefreshToken(clientId: string, grantCode: string): Promise<string | undefined> {
  const key = await keyOf(clientId, grantCode);
  const known = (await (await trustedSessionArea()).get(key))[key];
  return typeof known === 'string' ? known : undefined;
}

export async function rememberExchange(clientId: string, grantCode: string, refreshToken: string): Promise<void> {
  await (await trustedSessionArea()).set({ [await keyOf(clientId, grantCode)]: refreshToken });
}

/** Forgets every exchanged code (after `Save` stored the credential, and on deactivation). */
export async function forgetExchangedCodes(): Promise<void> {
  const area = await trustedSessionArea();
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
