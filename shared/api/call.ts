import type { z } from 'zod';

/**
 * `worker` calls run in the data worker (the database lives there). `host` calls are answered by the
 * process that owns the transport (Electron main or the browser-mode server): progress of running jobs.
 * `electron` calls need the desktop shell and do not exist in browser mode.
 */
export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output, where: 'worker' as const });
export const hostCall = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output, where: 'host' as const });
export const electronCall = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output, where: 'electron' as const });
export type Where = 'worker' | 'host' | 'electron';
