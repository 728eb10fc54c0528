/**
 * The options page's pictures for docs/: each step of the wizard, an error, the connected view
 * with `Try it`, and both dialogs, in English and in Japanese (`options-<language>-<state>.png`).
 * Driven as an admin drives it, by role and visible name, with a Self Client's grant code.
 */
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/index';
import { ALL_READ_SCOPES } from '../sandbox/desk/access';
import { PORTALS } from '../sandbox/fixtures';

const quick = { timeout: 10_000 };

/** Writes the pictures into `dir`; returns their paths. Leaves DeskLink unconfigured. */
export async function photographOptions(context: BrowserContext, optionsUrl: string, sandbox: Sandbox, dir: string): Promise<string[]> {
  const page = await context.newPage();
  const written: string[] = [];
  const shot = async (name: string) => {
    const file = path.join(dir, `options-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true }).waitFor(quick);
  try {
    await page.goto(optionsUrl);
    await heading('Connect Zoho Desk');
    await shot('en-step-1');
    await page.getByRole('radio', { name: 'ZSC key', exact: true }).check(quick);
    await button('Next').click(quick);
    await page.getByRole('alert').waitFor(quick);
    await shot('en-step-1-error');
    await page.getByRole('radio', { name: 'Organisation credential', exact: true }).check(quick);
    const grant = sandbox.oauth.selfClient({ user: 'admin', portal: 'A', scopes: [...ALL_READ_SCOPES] });
    await fill(page, 'Client ID', grant.clientId);
    await fill(page, 'Client secret', grant.clientSecret);
    await fill(page, 'Grant code', grant.code);
    await button('Next').click(quick);
    await heading('Choose the portal');
    await page.getByLabel('Portal', { exact: true }).selectOption(PORTALS.A.id, quick);
    await shot('en-step-2');
    await page.getByLabel('Language', { exact: true }).selectOption('ja', quick);
    await shot('ja-step-2');
    await button('戻る').click(quick);
    await heading('Zoho Desk に接続');
    await shot('ja-step-1');
    await button('次へ').click(quick);
    await heading('ポータルの選択');
    await button('保存').click(quick);
    await heading('Zoho Desk に接続済み');
    await shot('ja-connected');
    await dialog(page, 'ポータルを変更', 'ポータルを変更しますか？', 'キャンセル', () => shot('ja-change-portal'));
    await dialog(page, '接続を解除', 'DeskLink の接続を解除しますか？', 'キャンセル', () => shot('ja-deactivate'));
    await page.getByLabel('言語', { exact: true }).selectOption('en', quick);
    await heading('Connected to Zoho Desk');
    await shot('en-connected');
    await dialog(page, 'Change portal', 'Change the portal?', 'Cancel', () => shot('en-change-portal'));
    await dialog(page, 'Deactivate', 'Deactivate DeskLink?', 'Deactivate', () => shot('en-deactivate'));
    await heading('Connect Zoho Desk');
  } finally {
    await page.close();
  }
  return written;
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(value, quick);
}

/** Opens the dialog with `opener`, photographs it, and leaves it with `leave`. */
async function dialog(page: Page, opener: string, title: string, leave: string, photograph: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: opener, exact: true }).click(quick);
  const shown = page.getByRole('alertdialog', { name: title, exact: true });
  await shown.waitFor(quick);
  await photograph();
  await shown.getByRole('button', { name: leave, exact: true }).click(quick);
  await shown.waitFor({ state: 'detached', ...quick });
}
