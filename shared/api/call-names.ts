// The names of every call, without their schemas, so the sandboxed preload can expose exactly these
// functions without bundling zod. contract.ts checks at compile time that this list matches the contract.
export const callNames = [
  'session.get',
  'session.setUser',
  'dossiers.list',
  'dossiers.get',
  'dossiers.create',
  'dossiers.update',
  'dossiers.setArchived',
  'dossiers.history',
  'dossiers.importPreview',
  'dossiers.importCommit',
  'dossiers.exportXlsx',
  'attachments.add',
  'attachments.remove',
  'attachments.restore',
  'attachments.read',
  'jobs.progress',
  'host.openAttachment',
] as const;
export type CallName = (typeof callNames)[number];

export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && (callNames as readonly string[]).includes(name);
