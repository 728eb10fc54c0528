/**
 * Launching Firefox ESR (`FIREFOX_PATH`) through puppeteer-core over WebDriver BiDi with DeskLink
 * installed as a temporary add-on and every host pointed at the sandbox. Used by ./firefox.ts.
 */
import puppeteer, { type Browser, type Frame } from 'puppeteer-core';
import { extensionDir, firefoxPath } from './paths';
import type { SandboxAddress } from './chromium';

/** gecko id from wxt.config.ts. */
export const GECKO_ID = 'desklink@desklink.app';
/** Fixed moz-extension:// UUID, so the options page URL is known before install. */
export const FIREFOX_EXTENSION_UUID = '6d3c9f0e-4b1a-4c55-9a8e-2f7d1e0b5a31';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export async function launchFirefox(
  sandbox: SandboxAddress,
  opts: { headless?: boolean; prefs?: Record<string, string | number | boolean> } = {},
): Promise<Browser> {
  const extDir = extensionDir('firefox-mv3');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: opts.headless ?? true,
    // The sandbox's certificate is self-signed; this also covers the background's fetch().
    acceptInsecureCerts: true,
    // Without it, navigating to moz-extension:// pages is refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Firefox has no per-host map: every name resolves to loopback and :443 goes to the sandbox.
      'network.dns.forceResolve': '127.0.0.1',
      'network.socket.forcePort': `443=${sandbox.port}`,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // '/' typed outside a text field opens Firefox's Quick Find bar, which keeps every later key
      // (and the page's focus) away from both the page and the panel: specs typing '/' in the panel
      // would measure the find bar, not where DeskLink sends keys.
      'accessibility.typeaheadfind.manual': false,
      // The browser's own prompt for an optional permission (a company CRM address the admin
      // adds on the options page) answered "Allow", as the admin would; the request is still
      // DeskLink's, from the admin's click.
      'extensions.webextOptionalPermissionPrompts': false,
      ...opts.prefs,
    },
  });
  guardHandleTransfers((await browser.pages())[0]!.mainFrame());
  try {
    const id = await browser.installExtension(extDir);
    if (id !== GECKO_ID) throw new Error(`Installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

type TransferHandle = (this: unknown, handle: { dispose(): Promise<void> }) => Promise<unknown>;

/**
 * Works around puppeteer-core's BiDi `transferHandle` (behind `frame.$` and every query through a
 * custom handler): it starts adopting the handle into the other realm, then awaits disposing the
 * original before awaiting the adoption. When the frame is discarded meanwhile (CRM re-renders and
 * takes the panel frame with it), the adoption rejects while nothing awaits it yet, Node reports
 * an unhandled rejection, and the test runner fails the test although the driver's own
 * `await` would have caught the error and looked the frame up again. Here the adoption is
 * observed at once; the caller still gets its error.
 */
export function guardHandleTransfers(frame: Frame): void {
  let proto: object | null = Object.getPrototypeOf((frame as unknown as { isolatedRealm(): object }).isolatedRealm()) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'transferHandle')) proto = Object.getPrototypeOf(proto) as object | null;
  if (!proto || (proto as { guarded?: true }).guarded) return;
  const realmProto = proto as { transferHandle: TransferHandle; adoptHandle: TransferHandle; guarded?: true };
  realmProto.transferHandle = async function (
    this: { adoptHandle: TransferHandle },
    handle: { realm?: unknown; dispose(): Promise<void> },
  ) {
    if (handle.realm === this) return handle;
    const adopted = this.adoptHandle(handle);
    adopted.catch(() => undefined);
    await handle.dispose().catch(() => undefined);
    return adopted;
  } as TransferHandle;
  realmProto.guarded = true;
}
