// Contacts of a dossier: phone formats used in mainland China, e-mail, and "reachable somehow".
import { describe, expect, it } from 'vitest';
import { contactSchema, dossierInputSchema } from '../../../shared/dossiers/schema';
import { dossierInput } from '../../support/dossiers';

const contact = (over: Partial<{ name: string; phone: string; email: string }>) => ({ name: '李娜', phone: '', email: '', ...over });
const problems = (c: unknown) => {
  const r = contactSchema.safeParse(c);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('contact phone', () => {
  it.each([
    '13800138000', // mobile
    '19912345678',
    '138 0013 8000', // as printed on business cards
    '+8613800138000',
    '+86 138 0013 8000',
    '86-13800138000',
    '0571-88886666', // landline with area code
    '057188886666',
    '010-12345678',
    '0571-8888666', // 7-digit local number
    '0571-88886666-123', // extension
    '+86 0571-88886666',
    '+86 571 88886666', // international form drops the trunk 0
    '138-0013-8000', // dashes as some people group a mobile number
    '(0571)88886666',
    '（0571）88886666',
  ])('accepts %j', (phone) => {
    expect(problems(contact({ phone }))).toEqual({});
  });

  it.each([
    '12345',
    '1380013800', // 10 digits
    '138001380000', // 12 digits
    '12800138000', // no mobile prefix 12x
    '23800138000',
    '88886666', // landline without area code
    '571-88886666', // area code without leading 0
    'abc',
    '138001380OO', // letter O for zero
    '+1 415 555 0100',
    '0571-88886666-1234567',
  ])('rejects %j with error.phone', (phone) => {
    expect(problems(contact({ phone }))).toEqual({ phone: 'error.phone' });
  });

  it('keeps the number as typed (spaces included); only validation ignores spaces', () => {
    expect(contactSchema.parse(contact({ phone: '138 0013 8000' })).phone).toBe('138 0013 8000');
  });
});

describe('contact e-mail and reachability', () => {
  it.each(['lina@example.com', 'li.na+review@sub.example.com.cn', '李娜@例子.中国'])('accepts %j', (email) => {
    expect(problems(contact({ email }))).toEqual({});
  });

  it.each(['lina', 'lina@example', 'li na@example.com', 'lina@@example.com', '@example.com', 'lina@.'])('rejects %j with error.email', (email) => {
    expect(problems(contact({ email, phone: '13800138000' }))).toEqual({ email: 'error.email' });
  });

  it('needs a phone or an e-mail; the message sits on the phone field', () => {
    expect(problems(contact({}))).toEqual({ phone: 'error.contactReach' });
    expect(problems(contact({ phone: '   ', email: '  ' }))).toEqual({ phone: 'error.contactReach' });
    expect(problems(contact({ email: 'lina@example.com' }))).toEqual({});
  });

  it('needs a name of at most 40 characters', () => {
    expect(problems(contact({ name: '', phone: '13800138000' }))).toEqual({ name: 'error.required' });
    expect(problems(contact({ name: '李'.repeat(41), phone: '13800138000' }))).toEqual({ name: 'error.tooLong' });
  });

  it('reports contact problems by their path inside the dossier, and allows at most 10 contacts', () => {
    const second = dossierInputSchema.safeParse(dossierInput({ contacts: [contact({ phone: '13800138000' }), contact({ phone: 'x' })] }));
    expect(second.success).toBe(false);
    expect(second.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['contacts.1.phone', 'error.phone']]);

    const many = Array.from({ length: 11 }, () => contact({ phone: '13800138000' }));
    const tooMany = dossierInputSchema.safeParse(dossierInput({ contacts: many }));
    expect(tooMany.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['contacts', 'error.tooMany']]);
    expect(dossierInputSchema.safeParse(dossierInput({ contacts: many.slice(0, 10) })).success).toBe(true);
    expect(dossierInputSchema.safeParse(dossierInput({ contacts: [] })).success).toBe(true);
  });
});
