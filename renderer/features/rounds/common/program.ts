// The program (项目) a round belongs to: platform, name and its admission rule set (准入规则).
import { api } from '../../../api/client';
import type { Program } from '../../../../shared/rounds/views';
import { SHOP_RULE_KINDS, type Rule } from '../../../../shared/eligibility/rules';
import { translate } from '../../../i18n/i18n';
import { useLoad } from './use-load';

/** The shop-level gates (《精选联盟资质认证》): their facts are declared on the application, not held by the dossier. */
export { SHOP_RULE_KINDS };

export const hasShopRules = (rules: readonly Rule[]): boolean => rules.some((r) => SHOP_RULE_KINDS.includes(r.kind));

export function useProgram(programId: string) {
  const loaded = useLoad(async () => {
    const result = await api['programs.list']({});
    if (!result.ok) return result;
    const program = result.value.find((p) => p.id === programId);
    return program ? { ok: true as const, value: program } : { ok: false as const, error: { code: 'NOT_FOUND' as const, message: translate('error.notFound') } };
  }, [programId]);
  return { program: loaded.data as Program | null, error: loaded.error, reload: loaded.reload };
}
