// KPI figures per provider per month (as the platform reports them), validated against the program's rule
// set kind. A figure left empty stays null: assessed as missing, never as a pass.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getCooperationRow } from '../cooperations/cooperation-repo';
import { assessedRules } from '../cooperations/cooperation-service';
import { monthlyWarningFiguresSchema, periodicFiguresSchema } from '../../../shared/lifecycle/figures';
import type { MonthFigures } from '../../../shared/cooperations/assessment-views';
import type { AssessedRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { issuesOf } from '../../backend/dispatch';

export function figuresSchemaFor(rules: AssessedRuleSet) {
  return rules.kind === 'periodic' ? periodicFiguresSchema : monthlyWarningFiguresSchema;
}

export function listFigures(ctx: ServiceContext, cooperationId: string): MonthFigures[] {
  const rows = ctx.db.prepare('SELECT figures FROM kpi_figures WHERE cooperation_id = ? ORDER BY month').all(cooperationId) as { figures: string }[];
  return rows.map((r) => JSON.parse(r.figures) as MonthFigures);
}

/** Stores one month of one provider; the figures are checked against the program's rule set kind. */
export function setFigures(ctx: ServiceContext, cooperationId: string, raw: unknown): MonthFigures {
  return write(ctx, (w) => {
    const cooperation = getCooperationRow(ctx.db, cooperationId);
    const rules = assessedRules(ctx, cooperation.programId);
    const parsed = figuresSchemaFor(rules).safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION', zh('error.validation'), issuesOf(parsed.error));
    const figures = parsed.data;
    const before = ctx.db.prepare('SELECT figures FROM kpi_figures WHERE cooperation_id = ? AND month = ?').get(cooperationId, figures.month) as { figures: string } | undefined;
    ctx.db
      .prepare('INSERT INTO kpi_figures (cooperation_id, month, figures, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET figures = excluded.figures, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
      .run(cooperationId, figures.month, JSON.stringify(figures), w.at, w.actor);
    w.log({ entity: 'cooperation', entityId: null, entityKey: cooperationId, action: 'update', before: before ? { figures: JSON.parse(before.figures) } : null, after: { figures } });
    return figures;
  });
}
