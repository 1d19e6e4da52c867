// 居民身份证号 (GB 11643-1999, ISO 7064 MOD 11-2) and the identity kind of a dossier. Golden cases: the
// standard's own example 11010519491231002X, and numbers whose check digit the test computes with the
// algorithm written out here (not the module's), so a wrong weight or mapping in the module fails.
import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskResidentId, residentIdBirthDate, residentIdCheckChar, residentIdProblem } from '../../../shared/dossiers/resident-id';
import { displayIdentityNumber, inferIdentityKind, parseIdentityKind } from '../../../shared/dossiers/identity';
import { dossierInputSchema, dossierInputSchemaOn, dossierSummarySchema } from '../../../shared/dossiers/schema';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';

/** MOD 11-2 by the book: weights 2^(17−i) mod 11, check = (12 − Σ mod 11) mod 11, 10 → X. */
function check(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const withCheck = (first17: string) => first17 + check(first17);

export const PERSON_ID = '11010519491231002X'; // GB 11643's example: 北京市朝阳区, born 1949-12-31, female
const OTHERS = [withCheck('33010219800101123'), withCheck('44030420000229456'), withCheck('51010719991231001')];

describe('居民身份证号: GB 11643 MOD 11-2', () => {
  it('accepts the standard example and numbers built with the check digit', () => {
    expect(residentIdProblem(PERSON_ID)).toBeNull();
    expect(residentIdCheckChar(PERSON_ID.slice(0, 17))).toBe('X');
    for (const id of OTHERS) expect(residentIdProblem(id), id).toBeNull();
    expect(OTHERS.map((id) => id.at(-1))).toEqual(OTHERS.map((id) => check(id.slice(0, 17))));
  });

  it('refuses every wrong check digit, naming the checksum', () => {
    for (const id of [PERSON_ID, ...OTHERS]) {
      for (const wrong of '0123456789X'.split('').filter((c) => c !== id.at(-1))) expect(residentIdProblem(id.slice(0, 17) + wrong), wrong).toBe('checksum');
    }
  });

  it('refuses impossible and out-of-range birth dates even with a matching check digit', () => {
    expect(residentIdProblem(withCheck('11010519990230123'))).toBe('birthDate'); // 1999-02-30
    expect(residentIdProblem(withCheck('11010519991301123'))).toBe('birthDate'); // month 13
    expect(residentIdProblem(withCheck('11010519990100123'))).toBe('birthDate'); // day 0
    expect(residentIdProblem(withCheck('11010519000229123'))).toBe('birthDate'); // 1900 is no leap year
    expect(residentIdProblem(withCheck('11010520000229123'))).toBeNull(); // 2000 is
    expect(residentIdProblem(withCheck('11010518991231123'))).toBe('birthTooEarly');
    expect(residentIdProblem(withCheck('11010519000101123'))).toBeNull();
    const future = withCheck('11010520301231123');
    expect(residentIdProblem(future)).toBeNull(); // without a day, the future is not judged
    expect(residentIdProblem(future, '2026-12-06')).toBe('birthInFuture');
    expect(residentIdProblem(withCheck('11010520261206123'), '2026-12-06')).toBeNull(); // born today
    expect(residentIdBirthDate(PERSON_ID)).toBe('1949-12-31');
  });

  it('refuses wrong length and characters, including a 15-digit old number', () => {
    expect(residentIdProblem('110105491231002')).toBe('length');
    expect(residentIdProblem(PERSON_ID + '1')).toBe('length');
    expect(residentIdProblem('1101051949123100XX')).toBe('charset');
    expect(residentIdProblem('11010519491231002x')).toBe('charset'); // normalised elsewhere; the check wants upper case
    expect(isValidResidentId(PERSON_ID)).toBe(true);
  });

  it('masks all but the address code and the last four', () => {
    expect(maskResidentId(PERSON_ID)).toBe('110105********002X');
    expect(displayIdentityNumber('individual', PERSON_ID)).toBe('110105********002X');
    expect(displayIdentityNumber('organization', REAL_CREDIT_CODES[0]!)).toBe(REAL_CREDIT_CODES[0]);
  });
});

describe('identity kind', () => {
  it('infers a person from a valid ID number only; credit codes and typos stay organisations', () => {
    expect(inferIdentityKind(PERSON_ID)).toBe('individual');
    expect(inferIdentityKind(' 11010519491231002x ')).toBe('individual');
    for (const code of REAL_CREDIT_CODES) expect(inferIdentityKind(code), code).toBe('organization');
    expect(inferIdentityKind('110105194912310021')).toBe('organization'); // wrong check digit: not a valid ID
    expect(inferIdentityKind(withCheck('11010519990230123'))).toBe('organization'); // no such date
  });

  it('reads the kind column in zh-CN and English', () => {
    expect(parseIdentityKind('个人')).toBe('individual');
    expect(parseIdentityKind('Individual')).toBe('individual');
    expect(parseIdentityKind('机构')).toBe('organization');
    expect(parseIdentityKind('')).toBeUndefined();
    expect(parseIdentityKind('法人')).toBeNull();
  });
});

describe('dossier schema with the kind as discriminator', () => {
  const person = (over: Record<string, unknown> = {}) => dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: PERSON_ID, legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small', ...over });
  const keys = (input: unknown) => dossierInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

  it('defaults to organisation, so inputs of earlier versions still parse', () => {
    const { identityKind: _omit, ...old } = dossierInput() as Record<string, unknown>;
    expect(dossierInputSchema.parse(old).identityKind).toBe('organization');
  });

  it('checks the number by the kind: an ID number is no credit code and the other way round', () => {
    expect(dossierInputSchema.parse(person({ creditCode: '110105 19491231 002x' })).creditCode).toBe(PERSON_ID);
    expect(keys(person({ creditCode: '110105194912310021' }))).toEqual(['creditCode:error.residentId.checksum']);
    expect(keys(person({ creditCode: withCheck('11010519990230123') }))).toEqual(['creditCode:error.residentId.birthDate']);
    expect(keys(person({ creditCode: REAL_CREDIT_CODES[0] }))).toEqual(['creditCode:error.residentId.charset']);
    expect(keys(dossierInput({ creditCode: PERSON_ID }))).toEqual(['creditCode:error.creditCode.checksum']);
  });

  it('a person has no legal representative; an organisation must have one', () => {
    expect(keys(person())).toEqual([]);
    expect(keys(person({ legalRepresentative: '王小丽' }))).toEqual(['legalRepresentative:error.individualRepresentative']);
    expect(keys(dossierInput({ legalRepresentative: '' }))).toEqual(['legalRepresentative:error.required']);
  });

  it('refuses a birth date after the given day', () => {
    const born2030 = withCheck('11010520300101123');
    expect(dossierInputSchema.safeParse(person({ creditCode: born2030 })).success).toBe(true);
    expect(dossierInputSchemaOn('2026-12-06').safeParse(person({ creditCode: born2030 })).error?.issues.map((i) => i.message)).toEqual(['error.residentId.birthInFuture']);
    expect(dossierInputSchemaOn('2026-12-06').safeParse(person()).success).toBe(true);
  });

  it('a list summary carries the kind', () => {
    expect(dossierSummarySchema.shape.identityKind.options).toEqual(['organization', 'individual']);
  });
});
