/**
 * New ticket from a CRM record, written once and run in both browsers (new-ticket.spec.ts in
 * Chromium, firefox-new-ticket.spec.ts in Firefox ESR): the rep fills the dialog and creates the
 * ticket in the sandbox's Desk, sees it at once and on a revisit before Desk's search shows it; a
 * field Desk refuses keeps the text and marks the field, and the draft survives closing the
 * dialog; an answer lost after Desk stored the ticket and a double Enter each make one ticket.
 */
import { expect } from '@playwright/test';
import { RECORDS } from '../../sandbox/fixtures';
import type { CrmTab, PanelRegion } from '../support/panel-driver';
import { expectInPanel, expectTickets, numberOf } from '../support/panel-steps';
import type { Scenario } from './panel';

const CREATE_PATH = /^\/api\/v1\/tickets$/;
const SUBJECT = 'Invoice 2291 shows the wrong VAT <b>rate</b>';

/** What the rep sees in the dialog: the field values, which are marked invalid, and what has the focus. */
const dialogState = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const dialog = region.querySelector('[role="dialog"]');
    const field = (id: string) => dialog?.querySelector<HTMLInputElement>(`#${id}`);
    const focused = region.ownerDocument.activeElement;
    return {
      subject: field('dl-new-subject')?.value ?? null,
      invalid: [...(dialog?.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]') ?? [])].map(
        (el) => el.labels?.[0]?.textContent ?? el.id,
      ),
      focused: focused ? (focused.textContent ?? '').trim() || (focused as HTMLInputElement).labels?.[0]?.textContent || '' : '',
    };
  }, undefined);

/** Opens the dialog from a record showing its tickets and types the subject (and a description). */
async function startTicket(tab: CrmTab, description = '') {
  const panel = tab.panel();
  await expectTickets(tab, RECORDS.contact);
  await panel.click('button', 'New ticket');
  await expectInPanel(panel, 'dialog', 'New ticket');
  await expectInPanel(panel, 'textbox', 'Subject');
  await panel.focus('textbox', 'Subject');
  await tab.type(SUBJECT);
  if (description) {
    await panel.focus('textbox', 'Description');
    await tab.type(description);
  }
  return panel;
}

const createdStatus = (panel: PanelRegion) => panel.textsOf('status');

export const NEW_TICKET_SCENARIOS: readonly Scenario[] = [
  {
    title:
      'from a Contact: the dialog creates one ticket in Desk for the record’s email, shows "Ticket #n created" at once, and a revisit lists it before Desk’s search does',
    async run(world) {
      // Desk's search finds the new ticket only after two minutes: what shows it sooner is DeskLink.
      world.sandbox.setSearchIndexDelay(120_000);
      await world.connect();
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab, 'Called at 10:40. They need a corrected invoice.');
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(new RegExp(`^Ticket #\\d+ created: ${SUBJECT}`)));
      await expect.poll(() => panel.countOf('dialog')).toBe(0);
      expect((await dialogState(panel)).focused).toBe('New ticket');

      const created = world.sandbox.createdTickets();
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        subject: SUBJECT,
        description: 'Called at 10:40. They need a corrected invoice.',
        channel: 'Phone',
      });
      expect(created[0]!.body).toMatchObject({ contact: { email: RECORDS.contact.emails[0] } });
      const number = `#${created[0]!.ticketNumber}`;
      expect(await createdStatus(panel)).toContainEqual(expect.stringContaining(`Ticket ${number} created`));

      const revisit = await world.open(RECORDS.contact);
      const again = revisit.panel();
      await expectInPanel(again, 'tab', `All ${RECORDS.contact.expectedTickets.A + 1}`, { timeout: 20_000 });
      await again.focus('searchbox', 'Search tickets');
      await revisit.type(number);
      await expect.poll(async () => (await again.rows()).map(numberOf)).toEqual([number]);
    },
  },
  {
    title:
      'a subject Desk refuses keeps what the rep typed and marks the field; Escape closes, the draft comes back in the dialog and in a reloaded page, and Create then makes it',
    async run(world) {
      await world.connect();
      world.sandbox.addFault({ method: 'POST', path: CREATE_PATH, invalidFields: ['/subject'], times: 1 });
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab);
      await panel.click('button', 'Create');
      await expect.poll(() => panel.textsOf('alert')).toEqual(['Zoho Desk did not accept the subject. Correct it and press Create again.']);
      expect(await dialogState(panel)).toMatchObject({ subject: SUBJECT, invalid: ['Subject'] });
      expect(world.sandbox.createdTickets()).toHaveLength(0);

      await tab.press('Escape');
      await expect.poll(() => panel.countOf('dialog')).toBe(0);
      expect((await dialogState(panel)).focused).toBe('New ticket');
      await panel.click('button', 'New ticket');
      await expect.poll(async () => (await dialogState(panel)).subject).toBe(SUBJECT);
      await tab.press('Escape');

      // The same record loaded again: the half-typed ticket is still there.
      const reloaded = (await world.open(RECORDS.contact)).panel();
      await expectInPanel(reloaded, 'button', 'New ticket', { timeout: 20_000 });
      await reloaded.click('button', 'New ticket');
      await expect.poll(async () => (await dialogState(reloaded)).subject).toBe(SUBJECT);
      await reloaded.click('button', 'Create');
      await expect.poll(() => createdStatus(reloaded)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(world.sandbox.createdTickets()).toHaveLength(1);
    },
  },
  {
    title:
      'an answer lost after Desk stored the ticket (a gateway timeout): DeskLink finds it, says it was created, and no second ticket is made',
    async run(world) {
      await world.connect();
      world.sandbox.addFault({ method: 'POST', path: CREATE_PATH, status: 504, reachesDesk: true, times: 1 });
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(world.sandbox.createdTickets()).toHaveLength(1);
    },
  },
  {
    title: 'from an Account: For offers the account’s Desk contacts, and the ticket is filed under the account for the contact chosen',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.account);
      const panel = tab.panel();
      await expectInPanel(panel, 'button', 'New ticket', { timeout: 20_000 });
      await panel.click('button', 'New ticket');
      await expectInPanel(panel, 'combobox', 'For');
      const chosen = await panel.evaluate((region) => {
        const select = region.querySelector<HTMLSelectElement>('#dl-new-customer');
        return select?.selectedOptions[0]?.text ?? '';
      }, undefined);
      // A Desk contact shows as "Name (email)": the person Desk has, not one DeskLink made up.
      expect(chosen).toMatch(/^.+ \(.+@.+\)$/);
      await panel.focus('textbox', 'Subject');
      await tab.type(SUBJECT);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      const [created] = world.sandbox.createdTickets();
      expect(created!.body).toMatchObject({ contactId: expect.any(String), accountId: expect.any(String) });
      expect(created!.body.contact).toBeUndefined();
      expect(chosen).toContain(`(${created!.email})`);
    },
  },
  {
    title: 'Enter pressed twice in the subject makes one ticket',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab);
      await tab.press('Enter');
      await tab.press('Enter');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(world.sandbox.createdTickets()).toHaveLength(1);
    },
  },
];
