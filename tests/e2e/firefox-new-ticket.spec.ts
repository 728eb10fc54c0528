/**
 * New ticket in Firefox ESR: every scenario of ./scenarios/new-ticket.ts (run in Chromium too).
 * One browser serves the file; each scenario starts with DeskLink deactivated.
 */
import { test } from './support/firefox';
import { NEW_TICKET_SCENARIOS } from './scenarios/new-ticket';

for (const scenario of NEW_TICKET_SCENARIOS) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
