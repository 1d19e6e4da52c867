// Exposes exactly the contract's calls, each a named function, and nothing else: no ipcRenderer, no Node.
// Runs sandboxed, so it may only use 'electron'; call-names.ts has no dependencies for that reason.
import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../shared/api/call-names';
import { IPC_CHANNEL } from './ipc-channel';

const api = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]));
contextBridge.exposeInMainWorld('reviewDesk', Object.freeze(api));
