/**
 * What the worker keeps for the browser session only, out of content scripts' reach:
 * storage.session set to TRUSTED_CONTEXTS (Chrome's default, set again where the API exists;
 * Firefox never exposes the area to content scripts). And the SHA-256 names secrets are kept or
 * remembered under, so no secret is ever a storage key.
 */
import { browser } from 'wxt/browser';

type SessionStorage = typeof browser.storage.session & {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
};

/** storage.session, readable by the extension's own pages and worker only. */
export async function trustedSessionArea(): Promise<typeof browser.storage.session> {
  const session = browser.storage.session as SessionStorage;
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  return session;
}

/** Lower-case hex SHA-256 of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
