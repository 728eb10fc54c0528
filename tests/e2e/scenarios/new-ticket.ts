/**
 * New ticket from a CRM record, written once and run in both browsers (new-ticket.spec.ts in
 * Chromium, firefox-new-ticket.spec.ts in Firefox ESR): the rep fills the dialog and creates the
 * ticket in the sandbox's Desk, sees it at once and on a revisit before Desk's search shows it; a
 * field Desk refuses keeps the text and marks the field, and the draft survives closing the
 * dialog; an answer lost after Desk stored the ticket, a request Desk never answered and a double
 * Enter each make one ticket; a Lead's ticket goes to the lead's Desk contact, a person Desk does
 * not know goes by name and email, a Deal's goes to its linked contact, and the dialog speaks
 * Japanese in a Japanese portal.
 */
import { expect } from '@playwright/test';
import { DEAL, dealPath, RECORDS } from '../../sandbox/fixtures';
import type { CrmTab, PanelRegion } from '../support/panel-driver';
import { crmRendersAgain, expectInPanel, expectTickets, numberOf } from '../support/panel-steps';
import type { Scenario } from './panel';

const CREATE_PATH = /^\/api\/v1\/tickets$/;
const SUBJECT = 'Invoice 2291 shows the wrong VAT <b>rate</b>';
const JAPANESE_REGION = 'Zoho Desk の問い合わせ';

/** What the rep sees in the dialog: the field values, which are marked invalid, and what has the focus. */
const dialogState = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const dialog = region.querySelector('[role="dialog"]');
    const field = (id: string) => dialog?.querySelector<HTMLInputElement>(`#${id}`);
    const focused = region.ownerDocument.activeElement;
    return {
      subject: field('dl-new-subject')?.value ?? null,
      description: field('dl-new-description')?.value ?? null,
      invalid: [...(dialog?.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]') ?? [])].map(
        (el) => el.labels?.[0]?.textContent ?? el.id,
      ),
      focused: focused ? (focused.textContent ?? '').trim() || (focused as HTMLInputElement).labels?.[0]?.textContent || '' : '',
    };
  }, undefined);

/** The text of the option chosen in the dialog's `For` list. */
const chosenCustomer = (panel: PanelRegion) =>
  panel.evaluate((region) => region.querySelector<HTMLSelectElement>('#dl-new-customer')?.selectedOptions[0]?.text ?? '', undefined);

/** Opens the dialog from a record showing its tickets and types the subject (and a description). */
async function startTicket(tab: CrmTab, description = '', record = RECORDS.contact) {
  const panel = tab.panel();
  await expectTickets(tab, record);
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
      'from a Contact: the dialog creates one ticket in Desk for the record’s email (the Desk contact the record’s lookup found, not searched again), shows "Ticket #n created" at once, and a revisit lists it before Desk’s search does',
    async run(world) {
      // Desk's search finds the new ticket only after two minutes: what shows it sooner is DeskLink.
      world.sandbox.setSearchIndexDelay(120_000);
      await world.connect();
      const tab = await world.open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      const contactSearches = () => world.sandbox.deskCalls({ path: '/api/v1/contacts/search' }).length;
      const searchedBefore = contactSearches();
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
      // Desk has a contact with the record's primary email: the ticket names it by its id.
      expect(created[0]!.body).toMatchObject({ contactId: expect.any(String) });
      expect(contactSearches()).toBe(searchedBefore);
      expect(created[0]!.email).toBe(RECORDS.contact.emails[0]);
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
    title: 'a half-typed ticket stays open through CRM rendering the record again: the dialog, what was typed, the keyboard in the Subject',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab);
      await crmRendersAgain(tab);

      await expectInPanel(panel, 'dialog', 'New ticket');
      await expect.poll(() => dialogState(panel)).toMatchObject({ subject: SUBJECT, focused: 'Subject' });
      await tab.type(' (second invoice)');
      await expect.poll(async () => (await dialogState(panel)).subject).toBe(`${SUBJECT} (second invoice)`);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(world.sandbox.createdTickets().map((ticket) => ticket.subject)).toEqual([`${SUBJECT} (second invoice)`]);
    },
  },
  {
    title: '… and a rep typing the Description when CRM renders again types on in the Description',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab, 'The invoice');
      await crmRendersAgain(tab);

      await expectInPanel(panel, 'dialog', 'New ticket');
      await expect.poll(() => dialogState(panel)).toMatchObject({ subject: SUBJECT, description: 'The invoice', focused: 'Description' });
      await tab.type(' is twice');
      await expect.poll(() => dialogState(panel)).toMatchObject({ subject: SUBJECT, description: 'The invoice is twice' });
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
    title:
      'from an Account: For offers the account’s Desk contacts, and the ticket is filed under the account for the contact chosen (the account the record’s lookup confirmed, not searched again)',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.account);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.account);
      const accountCalls = () => world.sandbox.deskCalls({ path: /^\/api\/v1\/accounts(\/search|\/\d+)$/ }).length;
      const accountCallsBefore = accountCalls();
      await expectInPanel(panel, 'button', 'New ticket', { timeout: 20_000 });
      await panel.click('button', 'New ticket');
      await expectInPanel(panel, 'combobox', 'For');
      const chosen = await chosenCustomer(panel);
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
      expect(accountCalls()).toBe(accountCallsBefore);
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
  {
    title: 'from a Lead: the ticket is made for the lead’s name and address, and the lead’s list shows it first',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.lead);
      const panel = await startTicket(tab, '', RECORDS.lead);
      // Whom the ticket is for, as the rep checks it before pressing Create.
      expect(await chosenCustomer(panel)).toBe(`${RECORDS.lead.name} (${RECORDS.lead.emails[0]})`);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      const [created] = world.sandbox.createdTickets();
      expect(created!.body).toMatchObject({ contactId: expect.any(String) });
      expect(created!.email).toBe(RECORDS.lead.emails[0]);
      expect(numberOf((await panel.rows())[0]!)).toBe(`#${created!.ticketNumber}`);
    },
  },
  {
    title:
      'a request Desk never answers, after Desk stored the ticket: when DeskLink’s wait runs out it finds the ticket, says it was created, and makes no second one',
    async run(world) {
      await world.connect();
      world.sandbox.addFault({ method: 'POST', path: CREATE_PATH, body: 'hang', reachesDesk: true, times: 1 });
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel), { timeout: 40_000 }).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(await panel.countOf('dialog')).toBe(0);
      expect(world.sandbox.createdTickets()).toHaveLength(1);
    },
  },
  {
    title:
      'a request that never reached Desk: when DeskLink’s wait runs out it says the ticket was not made, keeps the text, and Create then makes exactly one',
    async run(world) {
      await world.connect();
      world.sandbox.addFault({ method: 'POST', path: CREATE_PATH, body: 'hang', times: 1 });
      const tab = await world.open(RECORDS.contact);
      const panel = await startTicket(tab, 'Second call today.');
      await panel.click('button', 'Create');
      await expect
        .poll(() => panel.textsOf('alert'), { timeout: 40_000 })
        .toEqual([expect.stringContaining('The ticket was not created. Your text is kept: press Create to try again.')]);
      expect(await dialogState(panel)).toMatchObject({ subject: SUBJECT });
      expect(world.sandbox.createdTickets()).toHaveLength(0);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      expect(world.sandbox.createdTickets()).toHaveLength(1);
      expect(world.sandbox.createdTickets()[0]).toMatchObject({ subject: SUBJECT, description: 'Second call today.' });
    },
  },
  {
    title: 'Japanese: the dialog, its choice of address and the status line in Zoho Desk’s Japanese words',
    async run(world) {
      await world.connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
      const tab = await world.open(RECORDS.contact);
      const panel = tab.panel(JAPANESE_REGION);
      await expectTickets(tab, RECORDS.contact, { region: JAPANESE_REGION, all: 'すべて' });
      await panel.click('button', '新しい問い合わせ');
      await expectInPanel(panel, 'dialog', '新しい問い合わせ');
      // The form's fields are drawn once its choices (departments, priorities) have arrived.
      await expectInPanel(panel, 'textbox', '件名');
      for (const [role, name] of [
        ['textbox', '件名'],
        ['textbox', '説明'],
        ['combobox', '部門'],
        ['combobox', '優先度'],
        ['combobox', '連絡先'],
        ['button', '作成'],
        ['button', 'キャンセル'],
      ] as const) {
        expect(await panel.countOf(role, name), `${role} ${name}`).toBe(1);
      }
      // The contact has two addresses: the rep files it under the second one.
      const [primary, secondary] = RECORDS.contact.emails;
      expect(await chosenCustomer(panel)).toBe(`${RECORDS.contact.name}（${primary}）`);
      await panel.focus('combobox', '連絡先');
      await tab.press('ArrowDown');
      await expect.poll(() => chosenCustomer(panel)).toBe(`${RECORDS.contact.name}（${secondary}）`);
      await panel.click('button', '作成');
      await expect.poll(() => panel.textsOf('alert')).toEqual([expect.stringContaining('件名を入力してください。')]);
      await panel.focus('textbox', '件名');
      await tab.type('請求書の再発行');
      await panel.click('button', '作成');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^問い合わせ #\d+ を作成しました/));
      const [created] = world.sandbox.createdTickets();
      expect(created).toMatchObject({ subject: '請求書の再発行' });
      expect(created!.body).toMatchObject({ contactId: expect.any(String) });
      expect(created!.email).toBe(secondary);
    },
  },
  {
    title:
      'for a person Zoho Desk does not know yet: the ticket goes by name and email (Desk makes the contact), and the empty list shows it',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.noTickets);
      const panel = tab.panel();
      await expectInPanel(panel, 'button', 'New ticket', { timeout: 20_000 });
      await panel.click('button', 'New ticket');
      await expectInPanel(panel, 'textbox', 'Subject');
      await panel.focus('textbox', 'Subject');
      await tab.type(SUBJECT);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      const [created] = world.sandbox.createdTickets();
      expect(created!.body).toMatchObject({ contact: { lastName: RECORDS.noTickets.name, email: RECORDS.noTickets.emails[0] } });
      expect(created!.body.contactId).toBeUndefined();
      await expect.poll(async () => (await panel.rows()).map(numberOf)).toEqual([`#${created!.ticketNumber}`]);
    },
  },
  {
    title: 'from a Deal: the ticket is for the deal’s contact, the Desk contact linked to it (not a namesake), and heads the deal’s list',
    async run(world) {
      await world.connect();
      const tab = await world.open(dealPath(DEAL));
      const panel = tab.panel();
      await expect.poll(async () => (await panel.rows()).length, { timeout: 20_000 }).toBe(DEAL.expectedTickets.all);
      await panel.click('button', 'New ticket');
      await expectInPanel(panel, 'dialog', 'New ticket');
      await expectInPanel(panel, 'combobox', 'For');
      // The deal's page shows no email: the person is the Desk contact linked to its Contact Name.
      expect(await chosenCustomer(panel)).toBe(`${DEAL.contact.name} (tomasz.w@fabrikam.example)`);
      await panel.focus('textbox', 'Subject');
      await tab.type(SUBJECT);
      await panel.click('button', 'Create');
      await expect.poll(() => createdStatus(panel)).toContainEqual(expect.stringMatching(/^Ticket #\d+ created/));
      const [created] = world.sandbox.createdTickets();
      expect(created!.body).toMatchObject({ contactId: expect.any(String) });
      expect(created!.email).toBe('tomasz.w@fabrikam.example');
      expect(numberOf((await panel.rows())[0]!)).toBe(`#${created!.ticketNumber}`);
    },
  },
];
