/**
 * The former home of the message protocol, now split into lib/shared/protocol.ts (answers and
 * value lists, zod-free) and lib/shared/commands.ts (the command table). These re-exports keep
 * the remaining importers working until they import from those two modules directly.
 */
import type { CommandFrom } from './commands';

export { CRM_MODULES, LANGUAGES } from './protocol';
export type {
  CrmModule,
  Diagnostics,
  Language,
  ManagedField,
  PanelConfig,
  PortalChoice,
  Response,
  SettingsView,
  StatusType,
  TicketSummary,
  TicketsView,
} from './protocol';
export { CredentialInputSchema } from './commands';
export type { CredentialInput, Identity, RecordRef, Request, RequestOf, ResponseOf } from './commands';

/** The options page names its commands as `keyof typeof AdminRequestSchemas` (a type only). */
export declare const AdminRequestSchemas: { readonly [C in CommandFrom<'extension'>]: unknown };
