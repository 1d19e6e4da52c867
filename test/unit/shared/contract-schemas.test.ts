// The input schemas of the API contract: what dispatch() lets through to a handler on either transport.
import { describe, expect, it } from 'vitest';
import { contract, MAX_UPLOAD_BYTES } from '../../../shared/api/contract';
import { callNames } from '../../../shared/api/call-names';
import { dossierListQuerySchema } from '../../../shared/dossiers/schema';
import { dossierInput } from '../../support/dossiers';

const accepts = (name: keyof typeof contract, input: unknown) => contract[name].input.safeParse(input).success;
const issues = (name: keyof typeof contract, input: unknown) => {
  const r = contract[name].input.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
};

describe('contract', () => {
  it('declares exactly the calls named in call-names.ts (the preload exposes those)', () => {
    expect(Object.keys(contract).sort()).toEqual([...callNames].sort());
  });

  it.each([
    ['session.get', {}],
    ['dossiers.get', { id: 1 }],
    ['dossiers.history', { id: 1 }],
    ['dossiers.setArchived', { id: 1, archived: true }],
    ['dossiers.importCommit', { previewId: 'abc' }],
    ['dossiers.exportXlsx', {}],
    ['attachments.remove', { id: 1 }],
    ['jobs.progress', { jobId: 'job-12345678' }],
    ['session.setUser', { name: '赵组长' }],
    ['dossiers.list', { search: '杭州' }],
    ['dossiers.create', dossierInput()],
  ] as const)('%s is strict: the valid input passes, an unknown key is refused', (name, input) => {
    expect(accepts(name, input)).toBe(true);
    expect(issues(name, { ...input, sneaky: 1 })).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('dossiers.update is strict outside and validates the dossier inside', () => {
    const data = dossierInput();
    expect(accepts('dossiers.update', { id: 3, version: 1, data })).toBe(true);
    expect(issues('dossiers.update', { id: 3, version: 1, data, force: true })[0]?.code).toBe('unrecognized_keys');
    expect(issues('dossiers.update', { id: 3, version: 0, data }).map((i) => i.path)).toEqual(['version']);
    expect(issues('dossiers.update', { id: 3, version: 1, data: { ...data, creditCode: '91330100716105852E' } })).toEqual([
      { path: 'data.creditCode', code: 'custom', message: 'error.creditCode.checksum' },
    ]);
  });

  it.each([0, -1, 1.5, '1', null])('ids are positive integers: %j is refused', (id) => {
    expect(accepts('dossiers.get', { id })).toBe(false);
  });

  it('session.setUser trims the name and limits it to 40 characters', () => {
    expect(contract['session.setUser'].input.parse({ name: '  赵组长 ' })).toEqual({ name: '赵组长' });
    expect(issues('session.setUser', { name: '   ' }).map((i) => i.message)).toEqual(['error.required']);
    expect(issues('session.setUser', { name: '赵'.repeat(41) }).map((i) => i.message)).toEqual(['error.tooLong']);
  });

  it('dossiers.exportXlsx defaults to the active dossiers', () => {
    expect(contract['dossiers.exportXlsx'].input.parse({})).toEqual({ status: 'active' });
    expect(accepts('dossiers.exportXlsx', { status: 'deleted' })).toBe(false);
  });
});

describe('file uploads (base64 in JSON)', () => {
  const preview = (dataBase64: string, extra: object = {}) => issues('dossiers.importPreview', { fileName: 'a.csv', dataBase64, ...extra });

  it.each(['', 'QQ==', 'QUI=', 'SGVsbG8gd29ybGQ=', 'ab+/'])('accepts base64 %j', (data) => {
    expect(preview(data)).toEqual([]);
  });

  it.each(['not base64!', 'QQ===', 'data:text/csv;base64,QQ==', 'QQ==QQ==', 'SGVs\nbG8=', '5Lit5paH-_'])('refuses %j with error.base64', (data) => {
    expect(preview(data).map((i) => i.message)).toEqual(['error.base64']);
  });

  it('refuses content over the upload limit with error.fileTooLarge', () => {
    const limit = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4;
    expect(preview('A'.repeat(limit))).toEqual([]);
    expect(preview('A'.repeat(limit + 4)).map((i) => i.message)).toEqual(['error.fileTooLarge']);
  });

  it('needs a file name of 1–255 characters', () => {
    expect(issues('dossiers.importPreview', { fileName: '', dataBase64: '' }).map((i) => i.path)).toEqual(['fileName']);
    expect(issues('dossiers.importPreview', { fileName: 'a'.repeat(256), dataBase64: '' }).map((i) => i.path)).toEqual(['fileName']);
  });

  it('attachments.add needs a known kind and a non-blank name', () => {
    const base = { dossierId: 1, kind: 'licence', fileName: '营业执照.pdf', dataBase64: 'JVBERi0=' };
    expect(accepts('attachments.add', base)).toBe(true);
    expect(issues('attachments.add', { ...base, kind: 'photo' }).map((i) => i.path)).toEqual(['kind']);
    expect(issues('attachments.add', { ...base, fileName: '   ' }).map((i) => i.path)).toEqual(['fileName']);
    expect(contract['attachments.add'].input.parse({ ...base, fileName: ' 执照.pdf ' }).fileName).toBe('执照.pdf');
  });
});

describe('job ids', () => {
  it.each(['job-1234', 'a1b2c3d4', '0f8fad5b-d9cb-469f-a165-70867728950e', 'x'.repeat(64)])('accepts %j', (jobId) => {
    expect(accepts('jobs.progress', { jobId })).toBe(true);
    expect(accepts('dossiers.importPreview', { fileName: 'a.csv', dataBase64: '', jobId })).toBe(true);
    expect(accepts('dossiers.importCommit', { previewId: 'p', jobId })).toBe(true);
  });

  it.each(['short', 'has space 1', '../../etc/passwd', 'job_12345678', 'x'.repeat(65), ''])('refuses %j', (jobId) => {
    expect(accepts('jobs.progress', { jobId })).toBe(false);
    expect(accepts('dossiers.importPreview', { fileName: 'a.csv', dataBase64: '', jobId })).toBe(false);
  });

  it('a preview id is 1–64 characters', () => {
    expect(accepts('dossiers.importCommit', { previewId: '' })).toBe(false);
    expect(accepts('dossiers.importCommit', { previewId: 'p'.repeat(64) })).toBe(true);
    expect(accepts('dossiers.importCommit', { previewId: 'p'.repeat(65) })).toBe(false);
  });
});

describe('dossierListQuerySchema', () => {
  it('fills the defaults: active dossiers, first 50, no search', () => {
    expect(dossierListQuerySchema.parse({})).toEqual({ search: '', status: 'active', offset: 0, limit: 50 });
  });

  it('trims the search text before applying the 100-character limit', () => {
    expect(dossierListQuerySchema.parse({ search: '  安心 ' }).search).toBe('安心');
    expect(dossierListQuerySchema.safeParse({ search: ` ${'安'.repeat(100)} ` }).success).toBe(true);
    expect(dossierListQuerySchema.safeParse({ search: '安'.repeat(101) }).success).toBe(false);
  });

  it.each([
    [{ limit: 1 }, true],
    [{ limit: 500 }, true],
    [{ limit: 0 }, false],
    [{ limit: 501 }, false],
    [{ limit: 2.5 }, false],
    [{ offset: 0 }, true],
    [{ offset: -1 }, false],
    [{ offset: '10' }, false],
    [{ status: 'all' }, true],
    [{ status: 'archived' }, true],
    [{ status: 'deleted' }, false],
  ])('%j → %s', (query, ok) => {
    expect(dossierListQuerySchema.safeParse(query).success).toBe(ok);
  });
});
