/**
 * What a script on the CRM page (a CRM customisation, a widget, an injected ad) can make DeskLink
 * do, written once and run in both browsers (tests/e2e/hardening.spec.ts in Chromium,
 * tests/e2e/firefox-hardening.spec.ts in Firefox ESR). The page's script runs through the driver's
 * `evaluate`, in the page's own world, as such a script would.
 */
import { expect } from '@playwright/test';
import { RECORDS } from '../../sandbox/fixtures';
import type { PanelWorld } from '../support/panel-driver';
import { expectTickets } from '../support/panel-steps';

export interface HardeningScenario {
  title: string;
  /** Longer than the default when the page's script itself takes a while. */
  timeoutMs?: number;
  run: (world: PanelWorld) => Promise<void>;
}

/** What the page's script found and could do (run in the page's own world). */
interface PageReach {
  shadowRoot: boolean;
  hostAttributes: string[];
  extensionUrlInMarkup: boolean;
  subjectInPageText: boolean;
  subjectFound: boolean;
  subjectSelected: boolean;
}

/** DeskLink's default limit of Desk calls a minute for one browser. */
const CALLS_PER_MINUTE = 60;
const EMAILS = 200;
/** Just over the panel's quiet time after an identity change: every email written is looked up. */
const EVERY_MS = 200;

export const HARDENING_SCENARIOS: readonly HardeningScenario[] = [
  {
    title: 'a page script can neither read the panel’s rows nor press its buttons, and learns nothing that names DeskLink',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      const subject = (await panel.rows()).flatMap((row) => row.flatMap((cell) => (cell.link ? [cell.link.text] : [])))[0];
      expect(subject).toBeTruthy();
      // Rows younger than 10 s answer Refresh without Desk: wait, so a press that got through would show as a call.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      sandbox.clearLog();
      const reach = await tab.evaluate(async (text): Promise<PageReach> => {
        const host = document.querySelector('desklink-panel');
        if (!host) throw new Error('no panel host in the page');
        // Press whatever the page can reach: the host, by pointer and keys, and every frame it can name.
        for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
          host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
        for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        (host as HTMLElement).click();
        for (let i = 0; i < window.frames.length; i++) {
          window.frames[i]!.postMessage({ kind: 'refresh' }, '*');
          window.frames[i]!.postMessage({ desklinkPanel: 'guess' }, '*');
        }
        window.postMessage({ kind: 'refresh' }, '*');
        const subjectFound = (window as unknown as { find(text: string): boolean }).find(text);
        document.getSelection()?.selectAllChildren(document.body);
        const subjectSelected = document.getSelection()?.toString().includes(text) ?? false;
        document.getSelection()?.removeAllRanges();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return {
          shadowRoot: host.shadowRoot !== null,
          hostAttributes: host.getAttributeNames(),
          extensionUrlInMarkup: /(chrome|moz)-extension:/.test(document.documentElement.outerHTML),
          subjectInPageText: document.body.innerText.includes(text),
          subjectFound,
          subjectSelected,
        };
      }, subject!);
      expect(reach).toEqual({
        shadowRoot: false,
        hostAttributes: [],
        extensionUrlInMarkup: false,
        subjectInPageText: false,
        subjectFound: false,
        subjectSelected: false,
      });
      expect(sandbox.deskCalls()).toEqual([]);
      // Control: the rep's own press of Refresh does ask Desk.
      await panel.click('button', 'Refresh');
      await expect.poll(() => sandbox.deskCalls().length).toBeGreaterThan(0);
    },
  },
  {
    title: `page JavaScript writing ${EMAILS} emails into the record causes at most ${CALLS_PER_MINUTE} Desk calls; the panel says the limit was reached`,
    timeoutMs: 180_000,
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      sandbox.clearLog();
      await tab.evaluate(
        async ({ count, everyMs }) => {
          const field = document.querySelector('[data-zcqa="value_Email"] crm-rl-share-email');
          if (!field) throw new Error('no Email field on the page');
          for (let i = 0; i < count; i++) {
            const email = `visitor${i}@example.net`;
            field.setAttribute('email', email);
            const link = field.querySelector('a');
            if (link) {
              link.textContent = email;
              link.setAttribute('href', `mailto:${email}`);
            }
            await new Promise((resolve) => setTimeout(resolve, everyMs));
          }
        },
        { count: EMAILS, everyMs: EVERY_MS },
      );
      await expect
        .poll(() => tab.panel().text(), { timeout: 20_000 })
        .toContain('DeskLink paused its Zoho Desk requests: this browser reached its limit of requests a minute.');
      // Everything the page made DeskLink ask, the lookups still running when it stopped included.
      expect(sandbox.deskCalls().length).toBeGreaterThan(0);
      expect(sandbox.deskCalls().length).toBeLessThanOrEqual(CALLS_PER_MINUTE);
    },
  },
];
