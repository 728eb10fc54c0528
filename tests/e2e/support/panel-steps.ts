/** Steps the panel scenarios share, written against the browser-neutral driver (./panel-driver.ts). */
import { expect } from '@playwright/test';
import { recordPath, type RecordFixture } from '../../sandbox/fixtures';
import { expectedTickets, getDataset } from '../../sandbox/data';
import type { AccessibleName, Cell, CrmTab, PanelRegion } from './panel-driver';

/** The sandbox CRM app's own record switch: history.pushState, then a late render. */
export const switchTo = (tab: CrmTab, record: RecordFixture) =>
  tab.evaluate((path) => (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate(path), recordPath(record));

/** `#<ticketNumber>` of every ticket the sandbox holds for the record in portal A, sorted. */
export function expectedNumbers(record: RecordFixture): string[] {
  const dataset = getDataset('test');
  return expectedTickets(dataset, dataset.crmById.get(record.recordId)!, 'A')
    .map((ticket) => `#${ticket.ticketNumber}`)
    .sort();
}

/** A row's ticket number, as its first column shows it (`#1234`). */
export const numberOf = (row: Cell[]) => /#\d+$/.exec(row[0]?.text ?? '')?.[0] ?? null;

/** The cell of a row whose column name (read before its value) is `column`. */
export const cellOf = (row: Cell[], column: string) => row.find((cell) => cell.text.startsWith(`${column}:`));

const rowCount = async (panel: PanelRegion) => (await panel.rows()).length;

/** Every ticket number the panel lists, after `Show more` until all rows are shown, sorted. */
export async function shownNumbers(panel: PanelRegion): Promise<(string | null)[]> {
  while ((await panel.countOf('button', 'Show more')) > 0) {
    const before = await rowCount(panel);
    await panel.click('button', 'Show more');
    await expect.poll(() => rowCount(panel)).toBeGreaterThan(before);
  }
  return (await panel.rows()).map(numberOf).sort();
}

/** The panel shows the record's tickets: the `All <n>` tab and the first page of rows. */
export async function expectTickets(tab: CrmTab, record: RecordFixture, { region = undefined as string | undefined, all = 'All' } = {}) {
  const panel = tab.panel(region);
  const total = record.expectedTickets.A;
  await expect.poll(() => panel.countOf('tab', `${all} ${total}`), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => rowCount(panel)).toBe(Math.min(total, 10));
}

/** Waits until the panel shows exactly one visible element with this role and name. */
export async function expectInPanel(panel: PanelRegion, role: string, name: AccessibleName, { timeout = 10_000 } = {}): Promise<void> {
  await expect.poll(() => panel.countOf(role, name), { timeout, message: `${role} "${String(name)}" in the panel` }).toBe(1);
}

/** CRM replaces its content with the same record's (as after an edit), the panel's frame with it; waits until it has. */
export async function crmRendersAgain(tab: CrmTab): Promise<void> {
  await tab.evaluate(() => {
    document.getElementById('crmContent')!.setAttribute('data-before', '');
    (window as unknown as { __sandboxNavigate(href: string): void }).__sandboxNavigate(location.pathname + location.search);
  }, undefined);
  await expect.poll(() => tab.evaluate(() => document.querySelector('#crmContent[data-before]') === null, undefined)).toBe(true);
  await expect.poll(() => tab.hostCount()).toBe(1);
}
