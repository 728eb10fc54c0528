/**
 * Launching Debian's Chromium with DeskLink loaded and every Zoho host the sandbox serves
 * mapped to it. Used by the Playwright fixtures and the demo.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumPath, extensionDir } from './paths';

export interface SandboxAddress {
  port: number;
  /** Every host name the sandbox answers for (crm., crmsandbox., desk., accounts. of each DC). */
  hosts: readonly string[];
}

/** `MAP crm.zoho.com 127.0.0.1:<port>,MAP desk.zoho.com 127.0.0.1:<port>,…` */
export function hostResolverRules({ port, hosts }: SandboxAddress): string {
  return hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(',');
}

export function chromiumArgs(extDir: string, sandbox: SandboxAddress): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=${hostResolverRules(sandbox)}`,
    // The sandbox's certificate is self-signed. Playwright's ignoreHTTPSErrors covers pages but
    // not the service worker's fetch(), so the Chromium flag is needed.
    '--ignore-certificate-errors',
  ];
}

export interface LaunchOptions {
  headless?: boolean;
  /** Profile folder; '' = a fresh temporary profile, removed on close. */
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  locale?: string;
}

export async function launchChromium(sandbox: SandboxAddress, opts: LaunchOptions = {}): Promise<BrowserContext> {
  const extDir = extensionDir('chrome-mv3');
  return chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    // Scroll bars drawn as desktop Chrome draws them on Windows and Linux (Playwright hides them
    // when headless), so one that should not be there takes room as it would for a rep.
    ignoreDefaultArgs: ['--disable-extensions', '--hide-scrollbars'],
    args: chromiumArgs(extDir, sandbox),
    ...(opts.viewport !== undefined ? { viewport: opts.viewport } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
}

/** The extension's service worker (it may start before or after the context is returned). */
export async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
}
