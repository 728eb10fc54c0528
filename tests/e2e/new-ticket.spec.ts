/**
 * New ticket in Chromium: every scenario of ./scenarios/new-ticket.ts (run in Firefox ESR too).
 * The scenarios share one browser; each starts with DeskLink deactivated.
 */
import { test } from './support/fixtures';
import { NEW_TICKET_SCENARIOS } from './scenarios/new-ticket';

test.use({ shareBrowser: true });

for (const scenario of NEW_TICKET_SCENARIOS) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
