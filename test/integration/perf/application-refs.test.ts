// applications.dossierIds and applications.namesByCode (issue 8) give the add-application and bans dialogs
// what they read from the whole applications list before: the same dossiers (withdrawn ones included) and the
// same names for the numbers asked.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';

describe('application refs', () => {
  it('say what applications.list says, withdrawn applicants included, other rounds left out', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const other = await setUpRound(ctx);
    await addApplicant(ctx, other.round.id, 9, '杭州市', [other.hangzhou.id], 40_000);
    const apps = [];
    for (let i = 1; i <= 5; i++) apps.push(await addApplicant(ctx, round.id, i, i % 2 ? '杭州市' : '深圳市', [i % 2 ? hangzhou.id : shenzhen.id], 40_000));
    await ok(ctx, 'applications.setWithdrawn', { id: apps[1]!.id, withdrawn: true });
    const listed = await ok(ctx, 'applications.list', { roundId: round.id });

    expect(new Set(await ok(ctx, 'applications.dossierIds', { roundId: round.id }))).toEqual(new Set(listed.map((a) => a.dossierId)));
    expect(await ok(ctx, 'applications.dossierIds', { roundId: round.id })).toHaveLength(5);

    const asked = [...listed.slice(0, 3).map((a) => a.creditCode), syntheticCreditCode(9), syntheticCreditCode(77)];
    expect(await ok(ctx, 'applications.namesByCode', { roundId: round.id, creditCodes: asked })).toEqual(Object.fromEntries(listed.slice(0, 3).map((a) => [a.creditCode, a.legalName])));
    expect(await ok(ctx, 'applications.namesByCode', { roundId: round.id, creditCodes: [] })).toEqual({});
  });

  it('refuses an unknown round and too many numbers', async () => {
    const ctx = await createTestContext();
    const roundId = '00000000-0000-4000-8000-000000000000';
    expect(await dispatch(handlers, ctx, 'applications.dossierIds', { roundId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(handlers, ctx, 'applications.namesByCode', { roundId, creditCodes: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { round } = await setUpRound(ctx);
    expect(await dispatch(handlers, ctx, 'applications.namesByCode', { roundId: round.id, creditCodes: Array.from({ length: 2001 }, (_, i) => `code${i}`) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
