/** The broker's handlers, one per row of the command table, typed by it. */
import type { Caller, Command, CommandFrom, DataOf, RequestOf } from '../../shared/commands';

/** What a handler may ask about the sender that dispatch checked. */
export interface SenderCheck {
  /**
   * The sender still wants the answer about the request's record: it holds its request open (a
   * held ask) and its tab still shows the record. CRM may have moved on while the handler waited.
   */
  stillShown(): Promise<boolean>;
}

/** Runs one command after dispatch has checked its sender and payload; failures throw DeskLinkError. */
export type Handler<C extends Command> = (request: RequestOf<C>, sender?: SenderCheck) => Promise<DataOf<C>>;
export type Handlers = { [C in Command]: Handler<C> };
/** The handlers of the commands `From` may send. */
export type HandlersFrom<From extends Caller> = { [C in CommandFrom<From>]: Handler<C> };
