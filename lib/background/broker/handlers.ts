/** The broker's handlers, one per row of the command table, typed by it. */
import type { Caller, Command, CommandFrom, DataOf, RequestOf } from '../../shared/commands';

/** Runs one command after dispatch has checked its sender and payload; failures throw DeskLinkError. */
export type Handler<C extends Command> = (request: RequestOf<C>) => Promise<DataOf<C>>;
export type Handlers = { [C in Command]: Handler<C> };
/** The handlers of the commands `From` may send. */
export type HandlersFrom<From extends Caller> = { [C in CommandFrom<From>]: Handler<C> };
