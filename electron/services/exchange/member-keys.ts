// 登记委员密钥 (chair): the member's identity card is read, its key's fingerprint shown to be confirmed by
// voice, and only then stored on the member. From then on that member is scored only through signed sheets.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { ROUND_ENTITY } from '../rounds/setup-service';
import { assertSetupEditable } from '../rounds/round-repo';
import { refused } from './exchange-common';
import { readIdentityCard } from './identity';

export function registerMemberKey(ctx: ServiceContext, input: { memberId: string; cardBase64: string; confirmedFingerprint: string }): { name: string; fingerprint: string } {
  const card = readIdentityCard(Buffer.from(input.cardBase64, 'base64'));
  if (!card.ok) throw refused(card.problem);
  // The chair types (or ticks) the digits the member read aloud; spaces do not matter, digits do.
  if (input.confirmedFingerprint.replace(/\s/g, '') !== card.fingerprint.replace(/\s/g, '')) throw new AppError('VALIDATION', '核对的指纹与身份卡不一致：请与委员当面或电话逐组核对', [{ path: 'confirmedFingerprint', key: 'error.fingerprintMismatch' }]);
  return write(ctx, (w) => {
    const member = ctx.db.prepare('SELECT round_id, name, public_key FROM members WHERE id = ?').get(input.memberId) as { round_id: string; name: string; public_key: string | null } | undefined;
    if (!member) throw new AppError('NOT_FOUND', '找不到该委员');
    assertSetupEditable(ctx.db, member.round_id);
    ctx.db.prepare('UPDATE members SET public_key = ?, key_fingerprint = ? WHERE id = ?').run(card.publicKey, card.fingerprint, input.memberId);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: member.round_id, action: 'update', before: { member: { id: input.memberId, fingerprint: member.public_key ? 'replaced' : null } }, after: { member: { id: input.memberId, name: member.name, cardName: card.name, fingerprint: card.fingerprint } } });
    return { name: card.name, fingerprint: card.fingerprint };
  });
}
