// The demo round (示例批次) offered on first launch (issue 3 "Output"): 淘宝直播「安心鉴」 jewelry and antique
// inspection institutions, 8 industrial belts with quotas, 60 applicants, a committee of 7 with every
// sheet scored and submitted, left open so a newcomer can rank and finalize it.
//
// The program follows 《淘宝网"安心鉴"服务规范》 as seed 000 describes it: institutions send their introduction
// and the regions they wish to serve, the panel reviews 公司实力, 技术水平, 业内口碑, 服务报价. The seed sets no
// hard gate, so the program has none but the re-admission bans every program keeps (ANXINJIAN_RULES) — the
// 淘宝直播区域产业服务商 gates (投流 capability, same city, …) are another platform rule's and do not apply.
//
// Built through the same services as the app (so the history shows every step, and every rule applies),
// inside ONE outer transaction: better-sqlite3 turns each service's own transaction into a savepoint, so a
// failure half-way leaves nothing behind.
//
// Behaviour on a database that already has data:
// - a second demo round is refused (CONFLICT) while the first one exists, checked under the write lock;
// - a demo dossier whose 统一社会信用代码 already exists is reused as it is (not overwritten: it may hold the
//   user's edits); an archived one is left alone and that applicant sits the demo out.
import type { ServiceContext } from '../context';
import { actorOf, getSetting, setSetting } from '../context';
import { AppError } from '../../backend/app-error';
import { contract } from '../../../shared/api/contract';
import { ANXINJIAN_RULES } from '../../../shared/eligibility/rules';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { resolveRankingOptions } from '../../../shared/ranking/schema';
import { createDossierRepo } from '../dossiers/dossier-repo';
import { createDossier } from '../dossiers/dossier-service';
import { addRegion, createProgram, createRound } from '../rounds/setup-service';
import { addApplication } from '../rounds/application-service';
import { addBan } from '../rounds/screening-service';
import { addDays } from '../../../shared/common/dates';
import { addMember, declareRecusal } from '../rounds/committee-service';
import { getSheet, setScore } from '../rounds/scoring-service';
import { submitSheet } from '../rounds/sheet-submit';
import { DEMO_CHAIR_SET_WAIT_DAYS, DEMO_TERMINATED_DAYS_AGO, DEMO_MEMBERS, DEMO_RECUSALS, DEMO_REGIONS, type RegionKey } from './demo-data';
import { demoScore, generateApplicants, type DemoApplicant } from './demo-generator';

/** Remembers the demo round, so loading it twice is refused (the settings table is not part of history). */
export const SETTING_DEMO_ROUND = 'demo_round_id';
export const DEMO_PROGRAM = { platform: '淘宝直播', name: '淘宝直播「安心鉴」鉴定机构' };

/**
 * The round's settings, chosen to show the product at work: price computed lowest-first (低价优先法, so
 * members score three criteria), the trimmed mean (7 members ≥ 5, so one highest and one lowest score are
 * dropped), and a minimum total of 60 that a few weak applicants miss.
 */
export const DEMO_OPTIONS = { priceMode: 'lowestPrice', aggregation: 'trimmedMean', minimumTotal: 60 } as const;

/** Today in China (UTC+8, no daylight saving): the committee's calendar day, not the server's. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function existingDemoRound(ctx: ServiceContext): { id: string; name: string } | undefined {
  const id = getSetting(ctx.db, SETTING_DEMO_ROUND);
  return id ? (ctx.db.prepare('SELECT id, name FROM rounds WHERE id = ?').get(id) as { id: string; name: string } | undefined) : undefined;
}

export function loadDemoRound(ctx: ServiceContext, jobId?: string): { roundId: string } {
  actorOf(ctx); // NO_USER before anything else, as for every write
  const referenceDate = chinaDate(ctx.now());
  const applicants = generateApplicants(referenceDate);
  // Progress (issue 11: long operations show it): one step per applicant filed and per member's sheet
  // scored, the two slow parts; the host relays it to jobs.progress while this transaction runs.
  const total = applicants.length + DEMO_MEMBERS.length;
  const report = (done: number) => jobId && ctx.progress(jobId, done, total);
  return ctx.db.transaction(() => {
    // The check is inside the write transaction (BEGIN IMMEDIATE holds the write lock): checked before it,
    // a second connection (the command line, another window) could load its own demo round between our
    // check and our first write, and two demo rounds would exist.
    const existing = existingDemoRound(ctx);
    if (existing) throw new AppError('CONFLICT', `示例批次“${existing.name}”已经加载过，不能重复加载。请在批次列表中打开它。`);
    const program = createProgram(ctx, contract['programs.create'].input.parse({ ...DEMO_PROGRAM, rules: [...ANXINJIAN_RULES] }));
    const round = createRound(ctx, { programId: program.id, name: `${referenceDate.slice(0, 4)}年安心鉴鉴定机构招募评审`, referenceDate, options: resolveRankingOptions(DEMO_OPTIONS) });
    const regionIds = new Map<RegionKey, string>();
    for (const r of DEMO_REGIONS) {
      regionIds.set(r.key, addRegion(ctx, round.id, { name: r.name, city: r.city, quota: r.quota, waitlistLength: r.waitlistLength }).id);
    }
    const applied = applyAll(ctx, round.id, applicants, regionIds, report);
    // Re-admission bans apply to 安心鉴 too: the institution 清退 under its service rules waits until the date
    // the chair entered as those rules decide (see demo-data.ts).
    const terminatedOn = addDays(referenceDate, -DEMO_TERMINATED_DAYS_AGO);
    for (const { applicant } of applied.filter((a) => a.applicant.fault === 'terminated')) {
      const until = addDays(terminatedOn, DEMO_CHAIR_SET_WAIT_DAYS);
      addBan(ctx, {
        creditCode: applicant.dossier.creditCode,
        until,
        reason: 'agencyRules',
        note: `${terminatedOn} 依《淘宝网“安心鉴”服务规范》清退（《终止合作通知》已发出，已通知安心鉴服务商）；再准入日期由组长按该规范录入`,
        programId: program.id,
        startsOn: terminatedOn,
        regionNames: [],
      });
    }
    const members = DEMO_MEMBERS.map((m) => addMember(ctx, round.id, m));
    for (const recusal of DEMO_RECUSALS) {
      const target = applied.filter((a) => a.applicant.home === recusal.region && a.applicant.fault === null)[recusal.applicant];
      if (target) declareRecusal(ctx, { applicationId: target.applicationId, memberId: members[recusal.member]!.id, reason: recusal.reason });
    }
    const byApplication = new Map(applied.map((a) => [a.applicationId, a.applicant]));
    members.forEach((member, index) => {
      // The sheet decides what this member scores (not recused, passed screening, criteria by price mode).
      const sheet = getSheet(ctx, member.id);
      for (const applicationId of sheet.applicationIds) {
        const a = byApplication.get(applicationId)!;
        for (const criterion of sheet.criteria) {
          setScore(ctx, { memberId: member.id, applicationId, criterion, value: demoScore(a.dossier.creditCode, a.quality, index, criterion), comment: '' });
        }
      }
      submitSheet(ctx, member.id);
      report(applicants.length + index + 1);
    });
    setSetting(ctx.db, SETTING_DEMO_ROUND, round.id);
    return { roundId: round.id };
  }).immediate();
}

function applyAll(ctx: ServiceContext, roundId: string, applicants: DemoApplicant[], regionIds: Map<RegionKey, string>, report: (done: number) => void) {
  const repo = createDossierRepo(ctx.db);
  const applied: { applicationId: string; applicant: DemoApplicant }[] = [];
  for (const [index, applicant] of applicants.entries()) {
    report(index);
    const data = dossierInputSchema.parse(applicant.dossier);
    const found = repo.getByCreditCode(data.creditCode);
    if (found?.archivedAt) continue;
    const dossierId = found ? found.id : createDossier(ctx, data).id;
    const input = contract['applications.add'].input.parse({
      roundId,
      data: { dossierId, priceQuoteYuan: applicant.quoteYuan, strengthStatement: applicant.strengthStatement, regionIds: applicant.regions.map((k) => regionIds.get(k)!) },
    });
    applied.push({ applicationId: addApplication(ctx, roundId, input.data).id, applicant });
  }
  return applied;
}
