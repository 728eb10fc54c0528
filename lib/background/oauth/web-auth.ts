/**
 * The browser's half of the flow: `identity.launchWebAuthFlow` (Chrome and Firefox) and the
 * redirect URI it returns to. Its rejections are plain Errors whose text differs by browser;
 * they become typed errors here.
 */
import { browser } from 'wxt/browser';
import { DeskLinkError } from '../../shared/errors';

/** Opens `url` and resolves with the URL Zoho redirected to (the redirect URI plus fragment). */
export type WebAuthLauncher = (details: { url: string; interactive: boolean }) => Promise<string>;

/** The real launcher; unit tests pass their own. */
export const launchWebAuthFlow: WebAuthLauncher = async (details) => (await browser.identity.launchWebAuthFlow(details)) ?? '';

/** `https://<extension-id>.chromiumapp.org/` in Chrome, `https://<uuid>.extensions.allizom.org/` in Firefox. */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

/**
 * Chrome: "The user did not approve access." (window closed), "User interaction required."
 * (silent mode met a page), "Authorization page could not be loaded." (offline, or Zoho answered
 * an error status, e.g. for an unknown client: Chrome then never shows the window). Firefox:
 * "User cancelled or denied access.", "Requires user interaction".
 */
const USER_ENDED = /did not approve|cancel|denied|closed/i;
const NEEDS_INTERACTION = /interaction|approve|cancel|denied/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs the flow; a browser-level failure becomes OAUTH_DENIED / SIGNED_OUT / NETWORK. */
export async function runWebAuthFlow(launch: WebAuthLauncher, url: string, interactive: boolean): Promise<string> {
  try {
    const answer = await launch({ url, interactive });
    if (typeof answer !== 'string' || answer === '') throw new Error('no redirect URL');
    return answer;
  } catch (error) {
    if (error instanceof DeskLinkError) throw error;
    const message = messageOf(error).slice(0, 200);
    if (interactive && USER_ENDED.test(message)) throw new DeskLinkError({ code: 'OAUTH_DENIED', detail: message });
    if (!interactive && NEEDS_INTERACTION.test(message)) throw new DeskLinkError({ code: 'SIGNED_OUT', detail: message });
    // Silent renewal: try again later. Sign-in: the admin must check the client id, the redirect URI or the network.
    throw new DeskLinkError({ code: interactive ? 'OAUTH_FAILED' : 'NETWORK', detail: message });
  }
}
