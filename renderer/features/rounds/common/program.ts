// The program (项目) a round belongs to: platform, name and its admission rule set (准入规则).
import { api } from '../../../api/client';
import type { Program } from '../../../../shared/rounds/views';
import type { Rule, RuleKind } from '../../../../shared/eligibility/rules';
import { translate } from '../../../i18n/i18n';
import { useLoad } from './use-load';

/** Seed 004's shop-level gates: their facts are declared on the application, not held by the dossier. */
export const SHOP_RULE_KINDS: readonly RuleKind[] = ['minExperienceScore', 'noRecentPenalties', 'noSeriousViolations', 'brandQualifications'];

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
