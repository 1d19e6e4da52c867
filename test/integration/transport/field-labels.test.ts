// Issue 11: a refused input names its field in Chinese — "姓名：必填", not "name：必填".
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { dossierInput } from '../../support/dossiers';
import { fieldLabel } from '../../../electron/backend/dispatch';

const ROUND = '00000000-0000-4000-8000-000000000001';

describe('field names in validation errors', () => {
  it('names a member without a name 姓名, and a dossier field by its Chinese name', async () => {
    const ctx = await createTestContext();
    expect(await callError(ctx, 'members.add', { roundId: ROUND, data: { name: '', role: 'member' } })).toMatchObject({ code: 'VALIDATION', message: '输入有误，请检查标红的项目（姓名：必填）' });
    expect((await callError(ctx, 'dossiers.create', { ...dossierInput(), legalRepresentative: '' })).message).toBe('输入有误，请检查标红的项目（法定代表人：必填）');
  });

  it('uses the call’s own name first, then the field’s, and leaves an unknown path as it is', () => {
    expect(fieldLabel('members.add', 'data.name')).toBe('姓名');
    expect(fieldLabel('regions.add', 'data.name')).toBe('名称');
    expect(fieldLabel(null, 'contacts.0.phone')).toBe('联系电话');
    expect(fieldLabel(null, 'somethingElse')).toBe('somethingElse');
    expect(fieldLabel(null, '')).toBe('输入');
  });
});
