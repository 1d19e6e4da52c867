// The same-city gate, seed 003 第一条(一)1(5): "经营主体所在城市需与服务城市保持一致".
// Both places are resolved to GB/T 2260 divisions (divisions.ts) and compared as divisions:
// - scope 'within' (default): the entity's division must be the service city or lie inside it, so an entity
//   in 义乌 (a county-level city under 金华) serves a 金华 region, and 延边朝鲜族自治州 is 延边. An entity in
//   金华市区 does not serve an 义乌 region: it is not in 义乌.
// - scope 'prefecture': both must be in the same prefecture-level division (金华 serves 义乌 too). The seed
//   does not say which level "城市" means, so this is a per-program setting with 'within' as the default.
// A name the table does not know (a typo, a new division) falls back to comparing the names themselves after
// removing spaces and the suffix (市, 地区, 盟, 自治州), and the result says so.
import type { CityScope } from './rules';
import { divisionPath, divisionWithin, normalizePlace, prefectureOf, resolvePlace, resolveDivisions, type Division } from './divisions';


export interface CityMatch {
  /** null: the entity's city is not given. */
  same: boolean | null;
  method: 'division' | 'name';
  /** The resolved divisions as paths of names, province first (empty when not resolved). */
  entityPath: string[];
  regionPath: string[];
}

const byName = (s: string) => normalizePlace(s).replace(/(市|地区|盟|自治州)$/, '');

// Screening a 20,000-application round asks this 40,000 times for a few hundred distinct places (issue 8):
// the answer depends on the three texts and the scope only, so it is kept (copies handed out).
const matched = new Map<string, CityMatch>();

export function matchServiceCity(entity: { city: string; province?: string }, regionCity: string, scope: CityScope = 'within'): CityMatch {
  const key = `${entity.city}\u0000${entity.province ?? ''}\u0000${regionCity}\u0000${scope}`;
  let m = matched.get(key);
  if (!m) {
    if (matched.size >= 20_000) matched.clear();
    matched.set(key, (m = computeMatch(entity, regionCity, scope)));
  }
  return { ...m, entityPath: [...m.entityPath], regionPath: [...m.regionPath] };
}

/** matchServiceCity without the memo (the tests compare the two). */
export function computeMatch(entity: { city: string; province?: string }, regionCity: string, scope: CityScope): CityMatch {
  if (normalizePlace(entity.city) === '') return { same: null, method: 'name', entityPath: [], regionPath: [] };
  const es = resolvePlace(entity.city, entity.province);
  const rs = resolveDivisions(regionCity);
  if (es.length === 0 || rs.length === 0) {
    return { same: byName(entity.city) !== '' && byName(entity.city) === byName(regionCity), method: 'name', entityPath: [], regionPath: [] };
  }
  const matches = (e: Division, r: Division) => {
    if (divisionWithin(e, r)) return true;
    if (scope !== 'prefecture') return false;
    const [pe, pr] = [prefectureOf(e), prefectureOf(r)];
    return pe !== null && pr !== null && pe.code === pr.code;
  };
  // Ambiguous names (吉林: province and prefecture) pass when any reading matches; the paths shown are the
  // pair that decided, or the first readings.
  for (const e of es) for (const r of rs) if (matches(e, r)) return { same: true, method: 'division', entityPath: names(e), regionPath: names(r) };
  return { same: false, method: 'division', entityPath: names(es[0]!), regionPath: names(rs[0]!) };
}

const names = (d: Division) => divisionPath(d).map((x) => x.name);
