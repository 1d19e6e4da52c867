// What a round package (评审包) and a score sheet (评分表) carry, inside the signed envelope
// (envelope.ts). Bounded everywhere: these arrive from files, the most hostile input the app takes.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const packageMemberSchema = z.object({ id: uuid, name: text(40), role: z.enum(['chair', 'member']), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/).nullable() }).strict();

export const packageApplicationSchema = z
  .object({
    id: uuid,
    regionIds: z.array(uuid).min(1).max(50),
    /** The dossier facts as the chair holds them (the chair's internal notes left out). */
    dossier: z.record(z.string().max(40), z.unknown()),
    /** Only when price is a hand-scored criterion; in lowest-price mode members do not see quotes (docs/exchange.md). */
    priceQuoteYuan: z.number().positive().max(1e12).nullable(),
    strengthStatement: text(5000),
    attachments: z.array(z.object({ fileName: text(255), kind: text(40), mime: text(100), sha256, dataBase64: z.string().max(60 * 1024 * 1024) }).strict()).max(50),
  })
  .strict();

export const roundPackageSchema = z
  .object({
    roundId: uuid,
    roundName: text(200),
    platform: text(40),
    programName: text(200),
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The ranking options as the chair set them (criteria, scale, price mode); checked again on import. */
    options: z.record(z.string().max(40), z.unknown()),
    regions: z.array(z.object({ id: uuid, name: text(100), city: text(100), quota: z.number().int().min(0).max(10_000), waitlistLength: z.number().int().min(0).max(10_000) }).strict()).max(1000),
    members: z.array(packageMemberSchema).min(1).max(100),
    /** The member this package is addressed to. */
    memberId: uuid,
    recusedApplicationIds: z.array(uuid).max(100_000),
    applications: z.array(packageApplicationSchema).max(100_000),
    criteria: z.array(text(40)).min(1).max(20),
    /** sha256 of the scoring-relevant set-up; a sheet answering another digest is stale. */
    setupDigest: sha256,
    exportedAt: z.string().max(40),
  })
  .strict();
export type RoundPackage = z.output<typeof roundPackageSchema>;

export const scoreSheetFileSchema = z
  .object({
    roundId: uuid,
    memberId: uuid,
    memberName: text(40),
    /** sha256 of the package file this sheet answers. */
    packageSha256: sha256,
    setupDigest: sha256,
    /** 1 for the first sheet, +1 for each amendment; an older or repeated sequence is refused. */
    sequence: z.number().int().min(1).max(10_000),
    reason: text(500).nullable(),
    submittedAt: z.string().max(40),
    scores: z.array(z.object({ applicationId: uuid, criterion: text(40), value: z.number().finite().min(-1e6).max(1e6), comment: text(2000) }).strict()).max(2_000_000),
  })
  .strict();
export type ScoreSheetFile = z.output<typeof scoreSheetFileSchema>;
