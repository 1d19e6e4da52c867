// The scoring grid's load of one member's sheet (issue 8). The grid used to take scores.sheet (one object per
// cell, ~100 bytes each) plus the round's whole applications list for names, quotes and regions: 16 MB and
// ~2.7 s at 20,000 applications. This is the same sheet as getSheet (the same applications, order, recusals,
// criteria and cells; test/integration/perf/score-grid-view.test.ts compares them) in columns, with only the
// labels the grid shows. The labels (names, numbers, quotes, regions, the order) are cached per round while the
// screening's generation holds (the change tracker bumps it on any write to applications, their regions or
// dossiers); per call only the member's recusals and cells are read, as row arrays.
import type { ServiceContext } from '../context';
import type { ScoreGridView } from '../../../shared/rounds/views';
import { displayIdentityNumber, type IdentityKind } from '../../../shared/dossiers/identity';
import { scoredCriteria, sheetOf } from './scoring-service';
import { scorableApplicationIds } from './screening-service';
import { getRound } from './round-repo';
import { roundCache } from '../cache/change-tracker';

type LabelRow = [id: string, legalName: string, creditCode: string, kind: IdentityKind, dossierId: number, quoteFen: number | null];

interface RoundLabels {
  /** The scorable applications in the sheet's order (getSheet's ORDER BY), with their labels. */
  rows: LabelRow[];
  regionIds: string[];
  /** Per application, its regions in preference order (indexes into regionIds). */
  regionsOf: Map<string, number[]>;
}

const labelsCache = roundCache<RoundLabels>('screening');

function roundLabels(ctx: ServiceContext, roundId: string): RoundLabels {
  // Ineligible applications are not scored (screening comes first); the order is getSheet's.
  const scorable = scorableApplicationIds(ctx, roundId);
  const rows = (
    ctx.db
      .prepare('SELECT a.id, d.legal_name, d.credit_code, d.identity_kind, a.dossier_id, a.price_quote_fen FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND a.withdrawn_at IS NULL ORDER BY d.name_sort, d.legal_name, a.id')
      .raw()
      .all(roundId) as LabelRow[]
  ).filter((r) => scorable.has(r[0]));
  const regionIds: string[] = [];
  const regionIndex = new Map<string, number>();
  const preferred = new Map<string, [number, number][]>(); // [preference, region index]
  for (const [applicationId, regionId, preference] of ctx.db.prepare('SELECT ar.application_id, ar.region_id, ar.preference FROM application_regions ar JOIN applications a ON a.id = ar.application_id WHERE a.round_id = ?').raw().iterate(roundId) as IterableIterator<[string, string, number]>) {
    let index = regionIndex.get(regionId);
    if (index === undefined) regionIndex.set(regionId, (index = regionIds.push(regionId) - 1));
    let list = preferred.get(applicationId);
    if (!list) preferred.set(applicationId, (list = []));
    list.push([preference, index]);
  }
  const regionsOf = new Map([...preferred].map(([id, list]) => [id, list.sort((a, b) => a[0] - b[0]).map(([, index]) => index)]));
  return { rows, regionIds, regionsOf };
}

export function getScoreGrid(ctx: ServiceContext, memberId: string): ScoreGridView {
  const sheet = sheetOf(ctx, memberId);
  const roundId = sheet.round_id;
  const round = getRound(ctx.db, roundId);
  const criteria = scoredCriteria(ctx, roundId);
  const { rows, regionIds, regionsOf } = labelsCache.get(ctx.db, roundId, () => roundLabels(ctx, roundId));
  const recused = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').raw().all(memberId) as [string][]).map(([id]) => id));
  // The scored applications, then the recused (the sheet names them), each with its labels.
  const labelled = recused.size === 0 ? rows : [...rows.filter((r) => !recused.has(r[0])), ...rows.filter((r) => recused.has(r[0]))];
  const scored = labelled.length - rows.filter((r) => recused.has(r[0])).length;
  const applicationIds = labelled.slice(0, scored).map((r) => r[0]);
  const position = new Map(applicationIds.map((id, i) => [id, i]));

  const values: Record<string, (number | null)[]> = {};
  for (const criterion of criteria) values[criterion] = new Array<number | null>(applicationIds.length).fill(null);
  const comments: Record<string, string> = {};
  const commentFrom = new Map<string, string>(); // the criterion it came from: the first non-empty in criterion order, as the grid read it from scores.sheet
  for (const [applicationId, criterion, value, comment] of ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ?').raw().iterate(sheet.sheet_id) as IterableIterator<[string, string, number, string]>) {
    const at = position.get(applicationId);
    const column = values[criterion];
    if (at === undefined || !column) continue; // not in the grid: recused, screened out, withdrawn, unscored criterion
    column[at] = value;
    const from = commentFrom.get(applicationId);
    if (comment && (from === undefined || criterion < from)) {
      comments[applicationId] = comment;
      commentFrom.set(applicationId, criterion);
    }
  }

  return {
    sheetId: sheet.sheet_id,
    memberId,
    memberName: sheet.member_name,
    submittedAt: sheet.submitted_at,
    criteria,
    scale: round.options.scale,
    applicationIds,
    recusedApplicationIds: labelled.slice(scored).map((r) => r[0]),
    values,
    comments,
    applicants: labelled.map(([, legalName, creditCode, kind, dossierId, quoteFen]) => ({ legalName, creditCode: displayIdentityNumber(kind, creditCode), dossierId, priceQuoteYuan: quoteFen == null ? null : quoteFen / 100 })),
    applicantRegions: labelled.map(([id]) => regionsOf.get(id) ?? []),
    regionIds,
  };
}
