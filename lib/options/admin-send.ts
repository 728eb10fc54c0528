/** How the options page reaches the broker: one admin command in, its `Response` envelope out. */
import type { AdminRequestSchemas, RequestOf, ResponseOf } from '../shared/messages';

type AdminCommand = keyof typeof AdminRequestSchemas;

export type AdminSend = <C extends AdminCommand>(request: RequestOf<C>) => Promise<ResponseOf<C>>;
