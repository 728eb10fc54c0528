/**
 * Handlers of the ADMIN commands (options page only; dispatch checks the sender first).
 * Stub while the options issue builds them: every handler throws INTERNAL 'not yet'.
 */
import { DeskLinkError } from '../errors';
import type { AdminRequestSchemas, RequestOf, ResponseMap } from '../messages';

export type AdminCommand = keyof typeof AdminRequestSchemas;
export type AdminHandlers = { [C in AdminCommand]: (request: RequestOf<C>) => Promise<ResponseMap[C]> };

const notYet = async (): Promise<never> => {
  throw new DeskLinkError({ code: 'INTERNAL', detail: 'not yet' });
};

export const adminHandlers: AdminHandlers = {
  'settings.get': notYet,
  'setup.listPortals': notYet,
  'setup.save': notYet,
  'settings.update': notYet,
  'portal.change': notYet,
  deactivate: notYet,
  'diagnostics.get': notYet,
  'cache.clear': notYet,
  'connection.test': notYet,
};
