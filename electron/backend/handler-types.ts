import type { z } from 'zod';
import type { CallName } from '../../shared/api/call-names';
import type { CallOutput, Contract } from '../../shared/api/contract';
import type { roundsContract } from '../../shared/api/contract-rounds';
import type { lifecycleContract } from '../../shared/api/contract-lifecycle';
import type { exchangeContract } from '../../shared/api/contract-exchange';
import type { backupContract } from '../../shared/api/contract-backup';
import type { ServiceContext } from '../services/context';

type WorkerCall = { [K in CallName]: Contract[K]['where'] extends 'worker' ? K : never }[CallName];
type Handler<K extends CallName> = (input: z.output<Contract[K]['input']>, ctx: ServiceContext) => CallOutput<K> | Promise<CallOutput<K>>;
/** One handler per worker call of the contract; the compiler checks none is missing. */
export type HandlerTable = { [K in WorkerCall]: Handler<K> };
export type RoundsHandlerTable = Pick<HandlerTable, keyof typeof roundsContract & WorkerCall>;
export type LifecycleHandlerTable = Pick<HandlerTable, keyof typeof lifecycleContract & WorkerCall>;
export type ExchangeHandlerTable = Pick<HandlerTable, keyof typeof exchangeContract & WorkerCall>;
export type BackupHandlerTable = Pick<HandlerTable, keyof typeof backupContract & WorkerCall>;
export type CoreHandlerTable = Omit<HandlerTable, keyof typeof roundsContract | keyof typeof lifecycleContract | keyof typeof exchangeContract | keyof typeof backupContract>;
