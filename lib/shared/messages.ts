/**
 * The former home of the message protocol, now split into lib/shared/protocol.ts (answers and
 * value lists, zod-free) and lib/shared/commands.ts (the command table). These type re-exports
 * keep the remaining importers working until they import from those two modules directly.
 */
export type { CrmModule, Language, PanelConfig, Response, SettingsView, StatusType, TicketSummary, TicketsView } from './protocol';
export type { Identity, RecordRef, Request, RequestOf, ResponseOf } from './commands';
