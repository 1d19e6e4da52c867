// Rows ⇄ views for cooperations and their dated events.
import type { Db } from '../../db/open';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import type { Cooperation, CooperationEventView, CooperationSummary } from '../../../shared/cooperations/views';

interface CooperationRow {
  id: string;
  program_id: string;
  program_name: string;
  dossier_id: number;
  legal_name: string;
  credit_code: string;
  round_id: string | null;
  application_id: string | null;
  region_id: string | null;
  region_name: string;
  status: Cooperation['status'];
  started_on: string;
  ended_on: string | null;
  end_reason: Cooperation['endReason'];
  version: number;
}

const SELECT = `SELECT c.*, p.name AS program_name, d.legal_name, d.credit_code
  FROM cooperations c JOIN programs p ON p.id = c.program_id JOIN dossiers d ON d.id = c.dossier_id`;

const toSummary = (r: CooperationRow): CooperationSummary => ({
  id: r.id,
  programId: r.program_id,
  programName: r.program_name,
  dossierId: r.dossier_id,
  legalName: r.legal_name,
  creditCode: r.credit_code,
  regionName: r.region_name,
  status: r.status,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  endReason: r.end_reason,
});

export function listCooperationRows(db: Db, filter: { programId?: string; dossierId?: number; status?: string }): CooperationSummary[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  add('c.program_id = ?', filter.programId);
  add('c.dossier_id = ?', filter.dossierId);
  add('c.status = ?', filter.status);
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.region_name, d.name_sort, d.legal_name`).all(...args) as CooperationRow[];
  return rows.map(toSummary);
}

interface EventRow {
  id: string;
  event: CooperationEventView['event'];
  effective_on: string;
  from_status: CooperationEventView['fromStatus'];
  to_status: CooperationEventView['toStatus'];
  reason: string;
  detail: string;
  recorded_at: string;
  recorded_by: string;
}

export function getCooperationRow(db: Db, id: string): Cooperation {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CooperationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  const events = (db.prepare('SELECT * FROM cooperation_events WHERE cooperation_id = ? ORDER BY effective_on, recorded_at').all(id) as EventRow[]).map(
    (e): CooperationEventView => ({ id: e.id, event: e.event, effectiveOn: e.effective_on, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, detail: JSON.parse(e.detail) as Record<string, unknown>, recordedAt: e.recorded_at, recordedBy: e.recorded_by }),
  );
  return { ...toSummary(row), roundId: row.round_id, applicationId: row.application_id, regionId: row.region_id, version: row.version, events };
}
