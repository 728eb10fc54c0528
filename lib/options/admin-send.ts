/** How the options page reaches the broker: one command the extension's pages may send, its `Response` envelope back. */
import type { BrokerClient } from '../shared/commands';

export type AdminSend = BrokerClient<'extension'>;
