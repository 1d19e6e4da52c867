// Separate laptops (docs/exchange.md): identity, member keys, round packages and signed score sheets.
import { z } from 'zod';
import { uuid } from '../rounds/schema';
import { humanText, requiredText } from '../common/validation';
import { view } from '../rounds/views';
import { call } from './call';

// Packages may carry attachments: up to 200 MB as base64 (MAX_EXCHANGE_BYTES in shared/exchange/envelope.ts).
const exchangeFile = z.string().max(Math.ceil((200 * 1024 * 1024) / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const file = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string(), sha256: z.string() });

export interface PackagePreviewView {
  sha256: string;
  roundId: string;
  roundName: string;
  platform: string;
  programName: string;
  memberName: string;
  regions: number;
  applications: number;
  attachments: number;
  recusals: number;
  chairFingerprint: string;
  chairTrusted: boolean;
  replaces: boolean;
}

export interface ExchangeStatusRow {
  memberId: string;
  name: string;
  fingerprint: string | null;
  state: 'noKey' | 'notSent' | 'sent' | 'verified';
  packageSentAt: string | null;
  current: { sequence: number; received_at: string; status: string; reason: string | null } | null;
  superseded: number;
}

export interface ResultCheckView {
  roundId: string;
  roundName: string;
  finalizedAt: string;
  chairFingerprint: string;
  memberName: string;
  countedSequence: number | null;
  comparedSequence: number | null;
  newerSent: number | null;
  cells: number;
  differences: { applicationId: string; legalName: string; criterion: string; sent: number | null; counted: number | null }[];
  sameFile: boolean;
  selection: { regionId: string; regionName: string; applicationId: string; legalName: string; rank: number | null; total: number | null; status: string; waitlistPosition: number | null }[];
}

/** How a round stands for exchange on this laptop: the chair's own, or a package addressed to one member. */
export interface ExchangeRoundInfo {
  origin: 'local' | 'package';
  packageMemberId: string | null;
  chairFingerprint: string | null;
  lastSentSequence: number | null;
}

export const exchangeContract = {
  /** This installation's public key and its read-aloud fingerprint. */
  'exchange.identity': call(z.object({}).strict(), z.object({ publicKey: z.string(), fingerprint: z.string() })),
  'exchange.identityCard': call(z.object({ name: requiredText(40) }).strict(), file),
  'exchange.registerMemberKey': call(z.object({ memberId: uuid, cardBase64: z.string().max(4096).regex(/^[A-Za-z0-9+/]*={0,2}$/), confirmedFingerprint: z.string().max(60) }).strict(), z.object({ name: z.string(), fingerprint: z.string() })),
  'exchange.exportPackage': call(z.object({ roundId: uuid, memberId: uuid, includeAttachments: z.boolean().default(true) }).strict(), file),
  'exchange.importPackage': call(z.object({ dataBase64: exchangeFile, trustChair: z.boolean().default(false), previewOnly: z.boolean().default(false) }).strict(), z.object({ imported: z.boolean(), preview: view<PackagePreviewView>() })),
  'exchange.exportSheet': call(z.object({ roundId: uuid, reason: humanText(500, { multiline: true }).nullable().default(null) }).strict(), file),
  'exchange.importSheet': call(z.object({ dataBase64: exchangeFile }).strict(), z.object({ memberName: z.string(), sequence: z.number().int(), cells: z.number().int(), supersededSequence: z.number().int().nullable() })),
  'exchange.status': call(z.object({ roundId: uuid }).strict(), view<ExchangeStatusRow[]>()),
  /** 结果包 (chair, finalized round): the selection list and every member's counted scores, signed. */
  'exchange.exportResult': call(z.object({ roundId: uuid }).strict(), file),
  /** Member: verify a 结果包 against the pinned chair key and compare the own counted sheet with what was sent. Writes nothing. */
  'exchange.checkResult': call(z.object({ dataBase64: exchangeFile }).strict(), view<ResultCheckView>()),
  /** Reads an identity card (signature checked) so the chair can show its fingerprint before confirming. Writes nothing. */
  'exchange.readCard': call(z.object({ cardBase64: z.string().max(4096).regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(), z.object({ name: z.string(), fingerprint: z.string() })),
  'exchange.roundInfo': call(z.object({ roundId: uuid }).strict(), view<ExchangeRoundInfo>()),
} as const;
