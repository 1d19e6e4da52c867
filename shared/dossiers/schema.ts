// The applicant dossier (申请机构档案), DOMAIN.md §2. One schema serves the form (react-hook-form), the
// import, and the API boundary, so a value accepted in one place is accepted everywhere.
import { z } from 'zod';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import { IDENTITY_KINDS, inferIdentityKind, type IdentityKind } from './identity';
import { normalizeResidentId, residentIdProblem } from './resident-id';
import { amount, humanText, id, isoDate, msg, optionalMultilineText, optionalText, requiredText } from '../common/validation';

/** The six capabilities seed 003 requires (BD拓展、运营、陪跑、培训、投流、货品整合分发), in the seed's order. */
export const CAPABILITIES = ['bd', 'operation', 'coaching', 'training', 'traffic', 'sourcing'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const TAXPAYER_TYPES = ['general', 'small'] as const; // 一般纳税人 / 小规模纳税人
export type TaxpayerType = (typeof TAXPAYER_TYPES)[number];

// Not run through the text rule: normalizeCreditCode keeps only GB 32100's 31 characters' candidates and
// creditCodeProblem refuses any other, so no control or bidi character survives; 64 leaves room for spaces.
export const creditCodeSchema = z
  .string(msg('error.required'))
  .max(64, msg('error.tooLong'))
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    if (code.length === 0) return void ctx.addIssue({ code: 'custom', message: 'error.required' });
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `error.creditCode.${problem}` });
  });

/** A 居民身份证号 (resident-id.ts); the future-birth check needs a day and is done by dossierInputSchemaOn. */
export const residentIdSchema = z
  .string(msg('error.required'))
  .max(64, msg('error.tooLong'))
  .transform(normalizeResidentId)
  .superRefine((id, ctx) => {
    if (id.length === 0) return void ctx.addIssue({ code: 'custom', message: 'error.required' });
    const problem = residentIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: `error.residentId.${problem}` });
  });

/**
 * Either number, where the kind is not given (a re-admission ban names a provider by its number): a valid
 * 居民身份证号 that is no valid 统一社会信用代码 is a person's (identity.ts inferIdentityKind); anything else is
 * checked, and worded, as a credit code.
 */
export const providerNumberSchema = z
  .string(msg('error.required'))
  .max(64, msg('error.tooLong'))
  .transform((raw, ctx) => {
    const parsed = (inferIdentityKind(raw) === 'individual' ? residentIdSchema : creditCodeSchema).safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

/**
 * Who the dossier is about, with the kind as the discriminator: an organisation by its 统一社会信用代码, a
 * person (个人, 《精选联盟资质认证》) by a 居民身份证号. Both numbers live in `creditCode` (identity.ts says why).
 */
export const dossierIdentitySchema = z.discriminatedUnion('identityKind', [
  z.object({ identityKind: z.literal('organization'), creditCode: creditCodeSchema }),
  z.object({ identityKind: z.literal('individual'), creditCode: residentIdSchema }),
]);
export type DossierIdentity = z.output<typeof dossierIdentitySchema>;

// Mainland mobile (1 + 10 digits, as 13800138000 or 138-0013-8000) or landline with area code
// (0571-88886666, 0571-88886666-123, and the international +86 571 88886666 that drops the leading 0).
const MOBILE = /^(?:\+?86-?)?1[3-9]\d-?\d{4}-?\d{4}$/;
const LANDLINE = /^(?:\+?86-?0?|0)\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const isPhone = (raw: string): boolean => {
  const p = raw.replace(/[\s()（）]/g, (c) => (c === ' ' || c === '\u3000' ? '-' : '')).replace(/-+/g, '-');
  return MOBILE.test(p) || LANDLINE.test(p);
};
// Deliberately simple: one @, a dot in the domain, no spaces. Full RFC 5322 helps nobody here.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const contactSchema = z.object({
  name: requiredText(40),
  phone: optionalText(30).refine((p) => p === '' || isPhone(p), msg('error.phone')),
  email: optionalText(120).refine((e) => e === '' || EMAIL.test(e), msg('error.email')),
}).refine((c) => c.phone !== '' || c.email !== '', { message: 'error.contactReach', path: ['phone'] });
export type Contact = z.output<typeof contactSchema>;

const dossierFields = z.object({
  /** Absent in files and calls of earlier versions: those are organisations. */
  identityKind: z.enum(IDENTITY_KINDS, msg('error.choose')).default('organization'),
  legalName: requiredText(100),
  // Checked below against the kind (dossierIdentitySchema); only normalised here. 64 leaves room for spaces.
  creditCode: z.string(msg('error.required')).max(64, msg('error.tooLong')).transform(normalizeCreditCode),
  /** A person is their own representative: '' for individuals, required for organisations. */
  legalRepresentative: optionalText(40),
  province: requiredText(20),
  city: requiredText(30),
  registeredCapitalWan: amount(4, 100_000_000),
  establishedOn: isoDate,
  taxpayerType: z.enum(TAXPAYER_TYPES, msg('error.choose')),
  realNameVerified: z.boolean(),
  /** null: not known (a blank cell in an import); the 店铺账号 gate then reports it missing, not passed. */
  isShopAccount: z.boolean().nullable().default(null),
  depositPaidYuan: amount(2, 1_000_000_000),
  capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length * 4).transform((list) => CAPABILITIES.filter((c) => list.includes(c))),
  priceQuoteYuan: amount(2, 1_000_000_000).nullable(),
  contacts: z.array(contactSchema).max(10, msg('error.tooMany')),
  introduction: optionalMultilineText(5000),
  notes: optionalMultilineText(5000),
});

export const dossierInputSchema = dossierFields.superRefine((d, ctx) => {
  // The number is judged by its kind's own schema (the discriminated union above).
  const identity = dossierIdentitySchema.safeParse({ identityKind: d.identityKind, creditCode: d.creditCode });
  for (const issue of identity.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: issue.message });
  if (d.identityKind === 'organization' && d.legalRepresentative === '') ctx.addIssue({ code: 'custom', path: ['legalRepresentative'], message: 'error.required' });
  if (d.identityKind === 'individual' && d.legalRepresentative !== '') ctx.addIssue({ code: 'custom', path: ['legalRepresentative'], message: 'error.individualRepresentative' });
});

/**
 * The input schema with the one check that needs the day: a 居民身份证号's birth date may not be after
 * `today` (YYYY-MM-DD). The form builds it with the local day; the backend checks with its clock.
 */
export const dossierInputSchemaOn = (today: string) =>
  dossierInputSchema.superRefine((d, ctx) => {
    if (d.identityKind !== 'individual') return;
    if (residentIdProblem(d.creditCode, today) === 'birthInFuture') ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'error.residentId.birthInFuture' });
  });

export type { IdentityKind };
/** What a form or an import row supplies. */
export type DossierInput = z.input<typeof dossierInputSchema>;
/** The same after validation and normalisation. */
export type DossierData = z.output<typeof dossierInputSchema>;

export const attachmentKinds = ['licence', 'certificate', 'other'] as const;
export const attachmentSchema = z.object({
  id,
  dossierId: id,
  kind: z.enum(attachmentKinds),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const dossierSchema = dossierInputSchema.safeExtend({
  id,
  version: z.number().int().positive(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dossier = z.output<typeof dossierSchema>;

export const dossierSummarySchema = z.object({
  id,
  identityKind: z.enum(IDENTITY_KINDS),
  legalName: z.string(),
  /** A person's number comes masked (110105********002X): lists never carry it in full. */
  creditCode: z.string(),
  province: z.string(),
  city: z.string(),
  registeredCapitalWan: z.number(),
  taxpayerType: z.enum(TAXPAYER_TYPES),
  capabilityCount: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type DossierSummary = z.output<typeof dossierSummarySchema>;

export const dossierListQuerySchema = z.object({
  search: humanText(100).default(''),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
