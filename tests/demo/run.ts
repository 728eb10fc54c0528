/**
 * `npm run demo`: DeskLink against the Zoho sandbox in a real Chromium.
 *
 * Starts the sandbox with demo data, launches Chromium with the built extension and every Zoho
 * host mapped to the sandbox, connects DeskLink through the options page's setup wizard with an
 * organisation credential (falling back to admin messages if the wizard cannot be driven), and
 * opens a CRM Contact record with the preview of its first ticket open.
 * - With a display (DISPLAY set): headed; stays open until Ctrl-C.
 * - Without one: headless; first photographs the options page's steps, errors and dialogs in
 *   English and Japanese into docs/ (options-<language>-<state>.png, ./options-pictures.ts), then
 *   writes demo-output/options.png, demo-output/record.png and the three ways to connect
 *   (demo-output/connect-*.png), prints their paths and exits.
 * Ctrl-C at any point closes the browser and the sandbox.
 *
 * Env: DESKLINK_DEMO_PORT (sandbox port, default random), DESKLINK_OUT_DIR, CHROMIUM_PATH.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { ALL_READ_SCOPES } from '../sandbox/desk/access';
import { PORTALS, RECORDS } from '../sandbox/fixtures';
import type { Response } from '../../lib/shared/protocol';
import type { Request } from '../../lib/shared/commands';
import { extensionServiceWorker, launchChromium } from '../e2e/support/chromium';
import { connectWith } from '../e2e/support/admin';
import { crmUrl } from '../e2e/support/crm';
import { isPanelFrameUrl } from '../e2e/support/panel-driver';
import { photographOptions } from './options-pictures';

const OUTPUT_DIR = path.resolve('demo-output');
const DOCS_DIR = path.resolve('docs');
const headed = Boolean(process.env.DISPLAY);
const RECORD = RECORDS.contact;
const TIME_ZONE = 'America/Los_Angeles';

let sandbox: Sandbox | undefined;
let context: BrowserContext | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await context?.close().catch(() => {});
    await sandbox?.close().catch(() => {});
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

/**
 * The real wizard with an organisation credential, as an admin of portal A deploys DeskLink: a
 * Self Client's code from the sandbox's API console; How to connect, Data center, Client ID,
 * Client secret, Grant code, Next, then Portal, Language, Time zone, Save. Each way to connect is
 * photographed on the way (`connect-<way>.png`, the deployment guide's pictures).
 */
async function connectWithWizard(options: Page, shots: string): Promise<void> {
  const quick = { timeout: 10_000 };
  const field = (label: string) => options.getByLabel(label, { exact: true });
  const text = (label: string) => options.getByRole('textbox', { name: label, exact: true });
  const way = (name: string) => options.getByRole('radio', { name, exact: true }).check(quick);
  await field('Data center').selectOption('com', quick);
  await options.screenshot({ path: path.join(shots, 'connect-sign-in.png'), fullPage: true });
  await way('ZSC key');
  await options.screenshot({ path: path.join(shots, 'connect-zsc-key.png'), fullPage: true });
  await way('Organisation credential');
  const grant = sandbox!.oauth.selfClient({ user: 'admin', portal: 'A', scopes: [...ALL_READ_SCOPES] });
  await text('Client ID').fill(grant.clientId, quick);
  await text('Client secret').fill(grant.clientSecret, quick);
  await text('Grant code').fill(grant.code, quick);
  await options.screenshot({ path: path.join(shots, 'connect-organisation-credential.png'), fullPage: true });
  await options.getByRole('button', { name: 'Next', exact: true }).click(quick);
  await field('Portal').selectOption(PORTALS.A.id, quick);
  await field('Language').selectOption('en', quick);
  await field('Time zone').selectOption(TIME_ZONE, quick);
  await options.getByRole('button', { name: 'Save', exact: true }).click(quick);
  await field('Enable Zoho Desk integration').waitFor(quick);
}

/** Opens the preview of the panel's first ticket, as a rep clicking `Preview #<n>` does. */
async function openFirstPreview(record: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const frame of record.frames().filter((f) => isPanelFrameUrl(f.url()))) {
      const preview = frame.getByRole('button', { name: /^Preview #\d+$/ }).first();
      if ((await preview.isVisible().catch(() => false)) && (await frame.evaluate(() => innerHeight > 1).catch(() => false))) {
        await preview.click();
        await frame
          .getByRole('region', { name: /^Ticket #\d+ preview$/ })
          .getByText('Latest message')
          .waitFor({ timeout: 10_000 });
        console.log('Opened the preview of the first ticket.');
        return;
      }
    }
    if (Date.now() > deadline) throw new Error('no Preview button within 30 s');
    await record.waitForTimeout(250);
  }
}

async function main(): Promise<void> {
  const port = process.env.DESKLINK_DEMO_PORT ? Number(process.env.DESKLINK_DEMO_PORT) : undefined;
  sandbox = await startSandbox({ size: 'demo', quiet: true, ...(port ? { port } : {}) });
  console.log(`Sandbox: https://127.0.0.1:${sandbox.port} (serving ${sandbox.hosts.length} Zoho hosts)`);

  context = await launchChromium(sandbox, {
    headless: !headed,
    viewport: headed ? null : { width: 1280, height: 1000 },
  });
  const sw = await extensionServiceWorker(context);
  const extensionId = new URL(sw.url()).host;
  console.log(`Chromium ${headed ? 'headed' : 'headless'}, DeskLink loaded as ${extensionId}`);

  mkdirSync(OUTPUT_DIR, { recursive: true });
  if (!headed) {
    const pictures = await photographOptions(context, `chrome-extension://${extensionId}/options.html`, sandbox, DOCS_DIR);
    console.log(`Options page pictures:\n  ${pictures.join('\n  ')}`);
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  try {
    await connectWithWizard(options, OUTPUT_DIR);
    console.log('Connected through the setup wizard.');
  } catch (error) {
    if (stopping) await new Promise(() => {}); // Ctrl-C closed the browser under the wizard.
    console.log(`The wizard could not be completed (${(error as Error).message.split('\n')[0]}); connecting with admin messages.`);
    const send = (request: Request) =>
      options.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), request) as Promise<Response<unknown>>;
    await connectWith(send, { portal: 'A', language: 'en', timeZone: TIME_ZONE });
    await options.reload();
  }

  const record = await context.newPage();
  const url = crmUrl(RECORD);
  await record.goto(url);
  console.log(`Opened ${url} (${RECORD.name}, ${RECORD.expectedTickets.A} tickets in portal A)`);
  // The panel lives in DeskLink's own frame (in a closed shadow root): found there, by its rows' Preview buttons.
  await openFirstPreview(record).catch((error: Error) => console.log(`No preview opened: ${error.message.split('\n')[0]}`));

  if (headed) {
    await record.bringToFront();
    console.log('Browse the sandbox CRM; press Ctrl-C to stop the browser and the sandbox.');
    await new Promise(() => {});
  }

  const shots = { options: path.join(OUTPUT_DIR, 'options.png'), record: path.join(OUTPUT_DIR, 'record.png') };
  await options.bringToFront();
  await options.screenshot({ path: shots.options, fullPage: true });
  await record.bringToFront();
  await record.screenshot({ path: shots.record, fullPage: true });
  console.log(`Screenshots:\n  ${shots.options}\n  ${shots.record}`);
  await stop(0);
}

main().catch(async (error) => {
  console.error(error);
  await stop(1);
});
