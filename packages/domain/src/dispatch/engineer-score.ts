/**
 * Engineer scoring: who should take (or take over) a job. Four signals, each in 0…1 —
 * skill match, spare capacity, distance and history with this customer / device model — are
 * weighted into a 0…100 score with the reasons spelled out in plain Chinese, so dispatchers and
 * the field app can show *why* someone is suggested. Engineers at or over their load limit are
 * ranked after everyone who has capacity. Pure; dispatch and prediction reuse it.
 */
import { haversineKm, type LatLng } from '../field/geo.ts';

export interface ScoringTask {
  /** Skills the job asks for (product line, device model, fault type …); matched case-insensitively. */
  requiredSkills: string[];
  /** Where the job is (WGS-84), when known. */
  location: LatLng | null;
}

export interface EngineerCandidate {
  id: string;
  name: string;
  skills: string[];
  /** Started, unfinished orders now (the load the limit applies to). */
  openOrders: number;
  loadLimit: number;
  /** Last known or base position (WGS-84). */
  location: LatLng | null;
  /** Earlier tickets this engineer worked for the job's customer, and on the job's device model. */
  historyWithCustomer: number;
  historyWithModel: number;
}

export interface ScoreWeights {
  skill: number;
  load: number;
  distance: number;
  history: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = Object.freeze({ skill: 0.4, load: 0.25, distance: 0.2, history: 0.15 });

export interface RankedEngineer {
  id: string;
  name: string;
  /** 0…100, higher is better. */
  score: number;
  /** Has capacity left (openOrders < loadLimit). */
  eligible: boolean;
  distanceKm: number | null;
  components: { skill: number; load: number; distance: number; history: number };
  matchedSkills: string[];
  reasons: string[];
}

/** Distance at which the distance signal halves. */
const HALF_SCORE_KM = 15;
/** Jobs for this customer / model that count as "knows it well". */
const FULL_HISTORY = 5;

const norm = (s: string) => s.trim().toLowerCase();
const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function scoreEngineer(task: ScoringTask, c: EngineerCandidate, weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): RankedEngineer {
  const required = [...new Set(task.requiredSkills.map(norm).filter(Boolean))];
  const has = new Set(c.skills.map(norm));
  const matchedSkills = required.filter((s) => has.has(s));
  const skill = required.length === 0 ? 1 : matchedSkills.length / required.length;
  const limit = Math.max(0, c.loadLimit);
  const open = Math.max(0, c.openOrders);
  const load = limit === 0 ? 0 : clamp01(1 - open / limit);
  const distanceKm = task.location && c.location ? haversineKm(task.location, c.location) : null;
  const distance = distanceKm === null ? 0.5 : 1 / (1 + distanceKm / HALF_SCORE_KM);
  const history = clamp01((Math.max(0, c.historyWithCustomer) + 0.5 * Math.max(0, c.historyWithModel)) / FULL_HISTORY);
  const total = weights.skill + weights.load + weights.distance + weights.history;
  const raw = total > 0 ? (weights.skill * skill + weights.load * load + weights.distance * distance + weights.history * history) / total : 0;
  const score = Math.round(clamp01(raw) * 1000) / 10;

  const reasons: string[] = [];
  if (required.length > 0) {
    reasons.push(matchedSkills.length > 0 ? `技能匹配：${matchedSkills.join('、')}` : '技能不匹配');
  }
  reasons.push(open < limit ? `当前负载 ${open}/${limit}` : `负载已满 ${open}/${limit}`);
  if (distanceKm !== null) reasons.push(`距离约 ${distanceKm < 10 ? distanceKm.toFixed(1) : Math.round(distanceKm)} 公里`);
  if (c.historyWithCustomer > 0) reasons.push(`服务过该客户 ${c.historyWithCustomer} 次`);
  if (c.historyWithModel > 0) reasons.push(`维修过该型号 ${c.historyWithModel} 次`);

  return {
    id: c.id, name: c.name, score, eligible: open < limit, distanceKm,
    components: { skill, load, distance, history }, matchedSkills, reasons,
  };
}

/** All candidates, best first: those with capacity before those without, then score, then id. */
export function rankEngineers(task: ScoringTask, candidates: EngineerCandidate[], weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): RankedEngineer[] {
  return candidates
    .map((c) => scoreEngineer(task, c, weights))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
