// A round at list scale for the virtualised-list tests (issue 8): `n` dossiers imported through the real CSV
// import, a program and a round with `regions` regions through the API, and one application per dossier
// (first and second preference) written straight into the database file as the platform bench does
// (test/bench/platform-bench.ts): thousands of applications.add calls would only slow the set-up down.
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SEED_003_RULES, shopFactsSchema } from '../../../shared/eligibility/rules';
import { syntheticCreditCode } from '../../support/credit-codes';
import type { RunningServer } from './app';
import { record, utf8Csv } from './csv-files';

const PLACES = [['浙江省', '杭州市'], ['广东省', '深圳市'], ['江苏省', '苏州市'], ['四川省', '成都市'], ['安徽省', '合肥市']] as const;
/** A long name for the line-break check: at a narrow column its last character would sit alone on a line. */
export const LONG_NAME = '杭州某某珠宝首饰检测鉴定技术服务有限公司';

export interface LargeRound {
  roundId: string;
  programId: string;
  regionIds: string[];
  regionNames: string[];
}

export const largeName = (i: number): string => (i === 0 ? LONG_NAME : `${PLACES[i % PLACES.length]![1].slice(0, 2)}第${i}号珠宝检测有限公司`);

export async function setUpLargeRound(server: RunningServer, n: number, regionCount: number): Promise<LargeRound> {
  const records = Array.from({ length: n }, (_, i) => {
    const [province, city] = PLACES[i % PLACES.length]!;
    return record({ legalName: largeName(i), creditCode: syntheticCreditCode(30_000 + i), province, city, priceQuoteYuan: String(20_000 + ((i * 7919) % 40_000)) });
  });
  const preview = await server.call('dossiers.importPreview', { fileName: '大批档案.csv', dataBase64: utf8Csv(records).toString('base64') });
  await server.call('dossiers.importCommit', { previewId: preview.previewId });

  const program = await server.call('programs.create', { platform: '淘宝直播', name: '区域产业服务商', rules: [...SEED_003_RULES] });
  const round = await server.call('rounds.create', { programId: program.id, name: '大批量评审批次', referenceDate: '2026-11-23', options: {} });
  const regionIds: string[] = [];
  const regionNames: string[] = [];
  for (let r = 0; r < regionCount; r++) {
    const [, city] = PLACES[r % PLACES.length]!;
    const name = `${city.slice(0, 2)}产业带${r + 1}`;
    regionIds.push((await server.call('regions.add', { roundId: round.id, data: { name, city, quota: 5, waitlistLength: 2 } })).id);
    regionNames.push(name);
  }

  const db = new Database(path.join(server.dataDir, 'review-desk.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const ids = new Map((db.prepare('SELECT id, credit_code FROM dossiers').all() as { id: number; credit_code: string }[]).map((d) => [d.credit_code, d.id]));
    const app = db.prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const choice = db.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)');
    const facts = JSON.stringify(shopFactsSchema.parse({}));
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const id = crypto.randomUUID();
        app.run(id, round.id, ids.get(syntheticCreditCode(30_000 + i))!, (20_000 + ((i * 7919) % 40_000)) * 100, '', facts, new Date().toISOString());
        choice.run(id, regionIds[i % regionCount]!, 1);
        if (regionCount > 1) choice.run(id, regionIds[(i + 1) % regionCount]!, 2);
      }
    })();
  } finally {
    db.close();
  }
  return { roundId: round.id, programId: program.id, regionIds, regionNames };
}
