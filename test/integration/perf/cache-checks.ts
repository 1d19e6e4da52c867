// Extra cache comparisons for cache-consistency.test.ts (the ranking cache joins here).
import type { TestContext } from '../../support/service-context';

export const extraChecks = {
  fill(_ctx: TestContext, _roundId: string): void {},
  async compare(_ctx: TestContext, _roundId: string, _memberIds: string[]): Promise<void> {},
};
