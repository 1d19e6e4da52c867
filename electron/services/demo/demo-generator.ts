// Generates the demo applicants and the members' scores from demo-data.ts with a seeded PRNG: no
// Math.random, so every machine (and every test) gets the same demo. Only dates move with the reference
// date, so that "registered less than a year ago" stays true whenever the demo is loaded.
import { addDays } from '../../../shared/common/dates';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../../../shared/dossiers/credit-code';
import { CAPABILITIES, type Capability, type DossierInput } from '../../../shared/dossiers/schema';
import {
  BRANDS, CERTIFICATIONS, COMPANY_SUFFIXES, DEMO_FAULTS, DEMO_NOTE, DEMO_REGIONS, EQUIPMENT, GIVEN_NAMES, MEMBER_BIAS, MOBILE_PREFIXES,
  OUTSIDER, SURNAMES, type DemoFault, type DemoRegion, type RegionKey,
} from './demo-data';

export const DEMO_SEED = 20260301;

export type Random = () => number;

/** mulberry32: tiny, fast, and good enough to scatter demo data; not for anything secret. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: a per-cell seed, so a score does not depend on the order cells are filled in. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const between = (r: Random, min: number, max: number) => min + r() * (max - min);
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function shuffled<T>(r: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface DemoApplicant {
  dossier: DossierInput & { creditCode: string };
  home: RegionKey | null;
  /** In the applicant's order of preference (期待合作的地区). */
  regions: RegionKey[];
  quoteYuan: number;
  strengthStatement: string;
  /** 0..1: how good the institution really is; the members' scores scatter around it. */
  quality: number;
  fault: DemoFault | null;
}

/** GB 11714 organisation-code check character (the 9th character of the code's body). */
function orgCodeCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55); // A = 10 … Z = 35
  const c = 11 - ([...body8].reduce((sum, ch, i) => sum + value(ch) * weights[i]!, 0) % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * 91 (enterprise) + the real division code + a fictitious organisation code + the GB 32100 check character.
 * Companies registered since the 2015 reform get the "MA…" codes seen on new licences.
 */
function creditCode(r: Random, division: string, establishedOn: string, taken: Set<string>): string {
  for (;;) {
    const letters = CREDIT_CODE_ALPHABET;
    const body8 = Number(establishedOn.slice(0, 4)) >= 2016
      ? 'MA' + Array.from({ length: 6 }, () => pick(r, [...letters])).join('')
      : String(Math.floor(between(r, 55_000_000, 79_999_999)));
    const first17 = `91${division}${body8}${orgCodeCheck(body8)}`;
    const code = first17 + creditCodeCheckChar(first17)!;
    if (taken.has(code)) continue;
    taken.add(code);
    return code;
  }
}

const person = (r: Random) => pick(r, SURNAMES) + pick(r, GIVEN_NAMES);
const mobile = (r: Random) => pick(r, MOBILE_PREFIXES) + String(Math.floor(r() * 1e8)).padStart(8, '0');
const CAPITALS_WAN = [100, 200, 300, 500, 600, 800, 1000, 2000, 3000, 5000];

function establishedDate(r: Random, referenceDate: string, quality: number, young: boolean): string {
  if (young) return addDays(referenceDate, -Math.round(between(r, 150, 300)));
  const year = Number(referenceDate.slice(0, 4)) - (2 + Math.floor(quality * 12 + r() * 5));
  return `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
}

function introduction(r: Random, specialty: string, establishedOn: string, quality: number): string {
  const [eq1, eq2] = shuffled(r, EQUIPMENT);
  const staff = 3 + Math.round(quality * 20);
  const certificates = 1 + Math.round(quality * 30 + r() * 5);
  return (
    `专注${specialty}检测鉴定，成立于${establishedOn.slice(0, 4)}年。现有持 ${pick(r, CERTIFICATIONS)} 等证书的鉴定师 ${staff} 名，` +
    `配备${eq1}、${eq2}等设备，年出具鉴定证书约 ${certificates} 万份。` +
    (quality > 0.6 ? '实验室已通过检验检测机构资质认定（CMA）。' : '')
  );
}

function applicant(r: Random, region: DemoRegion, fault: DemoFault | null, brand: [string, string], referenceDate: string, codes: Set<string>): DemoApplicant {
  const outsider = fault === 'outsider';
  const place = outsider ? OUTSIDER : region;
  // An applicant with a weak dossier is middling: the strongest institutions have their papers in order.
  const quality = fault === null ? r() : between(r, 0.25, 0.8);
  const legalName = `${place.namePrefix}${brand[0]}${outsider ? OUTSIDER.business : pick(r, region.businesses)}${pick(r, COMPANY_SUFFIXES)}`;
  const young = fault === 'youngWithStatement' || fault === 'youngNoStatement';
  const establishedOn = establishedDate(r, referenceDate, quality, young);
  const missing: Capability = pick(r, ['traffic', 'sourcing'] as const);
  const capital = fault === 'lowCapital' ? pick(r, [20, 30]) : CAPITALS_WAN[clamp(Math.floor(quality * 8 + r() * 3), 0, CAPITALS_WAN.length - 1)]!;
  // 2–8 万元 (the task's range), better institutions charging somewhat more, as they do.
  const quoteYuan = Math.round(clamp(28_000 + 30_000 * quality + between(r, -6_000, 6_000), 20_000, 80_000) / 500) * 500;
  const extra = r();
  const regions = outsider ? [...OUTSIDER.wants] : [region.key, ...region.alsoWants.slice(0, extra < 0.8 ? 0 : extra < 0.95 ? 1 : 2)];
  const contacts = Array.from({ length: r() < 0.7 ? 1 : 2 }, (_, i) => ({
    name: person(r),
    phone: mobile(r),
    email: r() < 0.6 ? `${i === 0 ? 'kefu' : 'jianding'}@${brand[1]}.example.com` : '',
  }));
  return {
    dossier: {
      legalName,
      creditCode: creditCode(r, pick(r, place.divisions), establishedOn, codes),
      legalRepresentative: person(r),
      province: place.province,
      city: place.city,
      registeredCapitalWan: capital,
      establishedOn,
      taxpayerType: fault === 'smallTaxpayer' ? 'small' : 'general',
      realNameVerified: fault !== 'notVerified',
      isShopAccount: false,
      depositPaidYuan: fault === 'lowDeposit' ? 50_000 : 100_000,
      capabilities: fault === 'missingCapability' ? CAPABILITIES.filter((c) => c !== missing) : [...CAPABILITIES],
      priceQuoteYuan: quoteYuan,
      contacts,
      introduction: introduction(r, outsider ? '珠宝玉石' : region.specialty, establishedOn, quality),
      notes: DEMO_NOTE,
    },
    home: outsider ? null : region.key,
    regions,
    quoteYuan,
    strengthStatement: '', // 安心鉴 has no registration-age gate a statement could stand in for
    quality,
    fault,
  };
}

/** All demo applicants, region by region; each region's planned faults go to its last applicants. */
export function generateApplicants(referenceDate: string): DemoApplicant[] {
  const r = mulberry32(DEMO_SEED);
  const brands = shuffled(r, BRANDS);
  const codes = new Set<string>();
  const out: DemoApplicant[] = [];
  for (const region of DEMO_REGIONS) {
    const faults = DEMO_FAULTS.filter((f) => f.region === region.key).map((f) => f.fault);
    for (let i = 0; i < region.applicants; i++) {
      const fault = faults[i - (region.applicants - faults.length)] ?? null;
      out.push(applicant(r, region, fault, brands[out.length]!, referenceDate, codes));
    }
  }
  return out;
}

/**
 * One member's score for one criterion: the applicant's quality, its own strengths and weaknesses per
 * criterion, the member's habit (MEMBER_BIAS) and some noise; now and then a member disagrees sharply, so
 * the analysis has an outlier to flag. Half points, as members write them; within 35–99.
 */
export function demoScore(creditCode: string, quality: number, member: number, criterion: string): number {
  const perCriterion = mulberry32(hashSeed(DEMO_SEED, creditCode, criterion));
  const perMember = mulberry32(hashSeed(DEMO_SEED, creditCode, criterion, member));
  const strengths = (perCriterion() - 0.5) * 12;
  const noise = (perMember() - 0.5) * 9;
  const outlier = perMember() < 0.03 ? (perMember() < 0.5 ? -16 : 16) : 0;
  const raw = 48 + 44 * quality + strengths + (MEMBER_BIAS[member] ?? 0) + noise + outlier;
  return clamp(Math.round(raw * 2) / 2, 35, 99);
}
