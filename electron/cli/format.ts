// Terminal output of the command line: aligned tables that hold Chinese text (a CJK character takes two
// columns in a terminal, so String.padEnd alone would skew every column after a company name) and the
// ranking per region in words a committee member reads.
import type { RoundResults } from '../../shared/rounds/results-view';
import type { Round, RoundSummary } from '../../shared/rounds/views';
import { selectionRows, type SelectionRow } from '../../shared/rounds/selection-list';

/** East Asian wide and full-width characters (CJK, kana, hangul, full-width forms) take two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * What may not reach a terminal: C0/C1 controls (ESC starts escape sequences that recolour, move the cursor,
 * retitle the window or write to the clipboard), bidi overrides/isolates (they reorder the rest of the line)
 * and lone surrogates. Today's inputs refuse them (shared/common/validation.ts), but an older database may
 * hold them, and imports print the file's own text.
 */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Stored text made safe to print: every unsafe character shown as a visible \u escape (\n kept as a line break). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** One table cell: unsafe characters escaped and line breaks shown as \n, so a cell stays on its row. */
const cell = (text: string) => terminalSafe(text).replace(/\n/g, '\\n');

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Columns aligned by display width; `right` lists the columns aligned right (numbers). */
export function table(headers: string[], rawRows: string[][], right: number[] = [], indent = ''): string[] {
  const rows = rawRows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => indent + cells.map((c, i) => (right.includes(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)];
}

import { PROVISIONAL_ZH, STATUS_ZH } from '../services/rounds/round-export';

const AGGREGATION_ZH = { mean: '平均分', trimmedMean: '去掉一个最高分和一个最低分后取平均', median: '中位数' } as const;
const PRICE_ZH = { scored: '委员打分', lowestPrice: '低价优先法（按报价计算）' } as const;

const yuan = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));

export function roundsTable(rounds: RoundSummary[]): string[] {
  if (rounds.length === 0) return ['还没有评审批次。可用 load-demo 加载示例批次。'];
  return table(
    ['批次 ID', '状态', '名称', '项目', '基准日期', '区域', '申请', '委员'],
    rounds.map((r) => [r.id, r.status === 'finalized' ? '已定稿' : '进行中', r.name, `${r.platform} · ${r.programName}`, r.referenceDate, String(r.regionCount), String(r.applicationCount), String(r.memberCount)]),
    [5, 6, 7],
  );
}

/**
 * The ranking of every region, in the round's region order, with the placement of every application.
 * `regionIdsOf` gives each application's regions in preference order: the selection rows leave the
 * preference out for an application screened out of one region only.
 */
export function rankingText(results: RoundResults, round: Round, regionIdsOf: Map<string, string[]>, viewer: string | null): string[] {
  const o = results.options;
  const submitted = results.sheets.filter((s) => s.submitted).length;
  const out = [
    `${results.roundName} — 排名${results.finalized ? `（已定稿：${results.finalized.at.slice(0, 10)} ${results.finalized.by}）` : '（未定稿，结果可能变化）'}`,
    `基准日期 ${results.referenceDate} · 汇总 ${AGGREGATION_ZH[o.aggregation]} · 价格 ${PRICE_ZH[o.priceMode]}${o.minimumTotal === null ? '' : ` · 最低分 ${o.minimumTotal}`}${o.cap === null ? '' : ` · 每家最多入选 ${o.cap} 个区域`}`,
    `评审委员 ${results.sheets.length} 人，已提交评分表 ${submitted} 人${viewer ? `；以 ${viewer} 的视角查看` : ''}`,
  ];
  // Drafts are not counted (ranking-service.ts gathers submitted sheets only): say so, with how many.
  if (submitted < results.sheets.length) out.push(`${results.sheets.length - submitted} 份评分表仍为草稿（未提交），其评分未计入排名`);
  const rows = selectionRows(results);
  const preference = (r: SelectionRow) => {
    const index = regionIdsOf.get(r.applicationId)?.indexOf(r.regionId) ?? -1;
    return index >= 0 ? `第 ${index + 1} 志愿` : r.preference === null ? '—' : `第 ${r.preference} 志愿`;
  };
  let admitted = 0;
  for (const region of round.regions) {
    const allocation = results.allocation.regions.find((r) => r.regionId === region.id);
    if (!allocation) continue;
    admitted += allocation.admitted.length;
    out.push('', `■ ${region.name}（${region.city}）  名额 ${allocation.quota} · 候补 ${allocation.waitlistLength} · 入选 ${allocation.admitted.length}${allocation.cutoffTotal === null ? '' : ` · 分数线 ${score(allocation.cutoffTotal)}`}`);
    const regionRows = rows.filter((r) => r.regionId === region.id);
    if (regionRows.length === 0) {
      out.push('  （无申请）');
      continue;
    }
    out.push(
      ...table(
        ['名次', '综合得分', '结果', '机构名称', '报价（元）', '志愿'],
        regionRows.map((r) => [
          r.rank === null ? '—' : String(r.rank),
          score(r.total),
          (r.status === 'waitlist' && r.waitlistPosition !== null ? `候补 ${r.waitlistPosition}` : STATUS_ZH[r.status]) + (r.provisional && r.status !== 'tiedAtCutoff' ? ` · ${PROVISIONAL_ZH}` : ''),
          r.legalName,
          yuan(r.priceQuoteYuan),
          preference(r),
        ]),
        [0, 1, 4],
        '  ',
      ),
    );
  }
  const quota = results.allocation.regions.reduce((n, r) => n + r.quota, 0);
  out.push('', `合计：入选 ${admitted} 家 / 名额 ${quota} 个。`);
  if (results.allocation.pendingCommittee) out.push('注意：名额线上有并列，需评审小组在界面中确定顺序后才能定稿。');
  if (rows.some((r) => r.provisional && r.status !== 'tiedAtCutoff')) out.push(`注意：标注“${PROVISIONAL_ZH}”的结果取决于评审小组对并列机构的定序，定序后可能改变。`);
  return out;
}
