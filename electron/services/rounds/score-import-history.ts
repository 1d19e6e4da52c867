// The cells of one score import's history entry, a page at a time (issue 8): the round's history lists the
// entry without them (history/change-log.ts listChanges), and whoever wants to see what the import wrote
// asks for pages here — the entry is parsed in the backend, a page of at most MAX_IMPORTED_CELLS_PAGE cells
// crosses to the renderer, with each applicant's name and credit code as they are now.
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { importedCell, readScoreImportCells, type ImportedCellsPage } from '../../../shared/history/score-import-entry';

export function importedCellsPage(ctx: ServiceContext, input: { roundId: string; seq: number; offset: number; limit: number }): ImportedCellsPage {
  getRound(ctx.db, input.roundId);
  const row = ctx.db.prepare("SELECT after FROM change_log WHERE seq = ? AND entity = ? AND entity_key = ? AND action = 'import'").get(input.seq, ROUND_ENTITY, input.roundId) as { after: string | null } | undefined;
  const cells = row?.after ? readScoreImportCells(JSON.parse(row.after)) : null;
  if (!cells) throw new AppError('NOT_FOUND', zh('error.notFound'));
  const total = cells.value.length;
  const end = Math.min(total, input.offset + input.limit);
  const page = Array.from({ length: Math.max(0, end - input.offset) }, (_, i) => importedCell(cells, input.offset + i));
  const ids = [...new Set(page.map((c) => c.applicationId))];
  const names = new Map<string, { legalName: string; creditCode: string }>();
  if (ids.length > 0) {
    const rows = ctx.db
      .prepare(`SELECT a.id, d.legal_name AS legalName, d.credit_code AS creditCode FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as { id: string; legalName: string; creditCode: string }[];
    for (const r of rows) names.set(r.id, r);
  }
  return {
    seq: input.seq,
    total,
    offset: input.offset,
    cells: page.map((c) => ({ ...c, legalName: names.get(c.applicationId)?.legalName ?? null, creditCode: names.get(c.applicationId)?.creditCode ?? null })),
  };
}
