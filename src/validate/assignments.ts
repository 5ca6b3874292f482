import type { Assignment, Lawyer, Solution, Village } from '../domain/index.js';
import { type ScenarioIndex, villagesPerLawyer } from './context.js';
import type { Violation } from './violation.js';

/** An assignment whose village and adviser the scenario knows, with its known team members. */
export interface ResolvedAssignment {
  index: number;
  assignment: Assignment;
  village: Village;
  adviser: Lawyer;
  members: Lawyer[];
  path: string;
}

export function resolveAssignments(ix: ScenarioIndex, solution: Solution): ResolvedAssignment[] {
  const out: ResolvedAssignment[] = [];
  solution.assignments.forEach((a, index) => {
    const village = ix.villages.get(a.villageId);
    const adviser = ix.lawyers.get(a.lawyerId);
    if (!village || !adviser) return;
    const members = a.team.map((id) => ix.lawyers.get(id)).filter((l): l is Lawyer => l !== undefined);
    out.push({ index, assignment: a, village, adviser, members, path: `assignments[${index}]` });
  });
  return out;
}

// REFERENCE: every id in the solution exists in the scenario, and each assignment's firm is its adviser's firm.
export function checkReferences(ix: ScenarioIndex, solution: Solution): Violation[] {
  const out: Violation[] = [];
  solution.assignments.forEach((a, i) => {
    const path = `assignments[${i}]`;
    if (!ix.villages.has(a.villageId))
      out.push({ rule: 'REFERENCE', message: `unknown village ${a.villageId}`, villageId: a.villageId, path: `${path}.villageId` });
    const adviser = ix.lawyers.get(a.lawyerId);
    if (!adviser)
      out.push({ rule: 'REFERENCE', message: `village ${a.villageId}: unknown lawyer ${a.lawyerId}`, villageId: a.villageId, lawyerId: a.lawyerId, path: `${path}.lawyerId` });
    if (!ix.firms.has(a.firmId))
      out.push({ rule: 'REFERENCE', message: `village ${a.villageId}: unknown firm ${a.firmId}`, villageId: a.villageId, path: `${path}.firmId` });
    else if (adviser && adviser.firmId !== a.firmId)
      out.push({
        rule: 'REFERENCE',
        message: `village ${a.villageId}: firm given as ${a.firmId}, but adviser ${adviser.id} is of firm ${adviser.firmId}`,
        villageId: a.villageId,
        lawyerId: adviser.id,
        path: `${path}.firmId`,
      });
    a.team.forEach((m, j) => {
      if (!ix.lawyers.has(m))
        out.push({ rule: 'REFERENCE', message: `village ${a.villageId}: unknown team member ${m}`, villageId: a.villageId, lawyerId: m, path: `${path}.team[${j}]` });
    });
  });
  solution.uncovered.forEach((u, i) => {
    if (!ix.villages.has(u.villageId))
      out.push({ rule: 'REFERENCE', message: `unknown village ${u.villageId} listed as uncovered`, villageId: u.villageId, path: `uncovered[${i}].villageId` });
  });
  solution.firmTowns?.forEach((ft, i) => {
    const town = ix.regions.get(ft.townId);
    if (!town) out.push({ rule: 'REFERENCE', message: `unknown town ${ft.townId}`, path: `firmTowns[${i}].townId` });
    else if (town.level !== 'town')
      out.push({ rule: 'REFERENCE', message: `region ${ft.townId} is a ${town.level}, not a town`, path: `firmTowns[${i}].townId` });
    if (!ix.firms.has(ft.firmId)) out.push({ rule: 'REFERENCE', message: `town ${ft.townId}: unknown firm ${ft.firmId}`, path: `firmTowns[${i}].firmId` });
  });
  return out;
}

// COVERAGE: every scenario village appears exactly once, in `assignments` or in `uncovered`.
export function checkCoverage(ix: ScenarioIndex, solution: Solution): Violation[] {
  const places = new Map<string, string[]>();
  const note = (villageId: string, path: string) => {
    const list = places.get(villageId);
    if (list) list.push(path);
    else places.set(villageId, [path]);
  };
  solution.assignments.forEach((a, i) => note(a.villageId, `assignments[${i}]`));
  solution.uncovered.forEach((u, i) => note(u.villageId, `uncovered[${i}]`));
  const out: Violation[] = [];
  for (const v of ix.villages.values()) {
    const seen = places.get(v.id);
    if (!seen) out.push({ rule: 'COVERAGE', message: `village ${v.id} is neither assigned nor listed as uncovered`, villageId: v.id });
    else if (seen.length > 1)
      out.push({ rule: 'COVERAGE', message: `village ${v.id} appears ${seen.length} times (${seen.join(', ')})`, villageId: v.id, path: seen[1] });
  }
  return out;
}

// R1: a lawyer serves at most cap(l) villages, in any role.
export function checkCaps(ix: ScenarioIndex, solution: Solution): Violation[] {
  const out: Violation[] = [];
  for (const [lawyerId, villages] of villagesPerLawyer(solution)) {
    const lawyer = ix.lawyers.get(lawyerId);
    if (!lawyer) continue;
    const cap = ix.cap(lawyer);
    if (villages.size > cap)
      out.push({ rule: 'R1', message: `lawyer ${lawyerId} advises ${villages.size} villages, cap ${cap}`, lawyerId });
  }
  return out;
}

// R2: an intern is never the responsible adviser, and sits in a team only beside an adviser of the same firm.
export function checkInterns(resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  for (const { assignment: a, adviser, members, village, path } of resolved) {
    if (adviser.status === 'intern')
      out.push({ rule: 'R2', message: `intern ${adviser.id} cannot be the responsible adviser of village ${village.id}`, villageId: village.id, lawyerId: adviser.id, path: `${path}.lawyerId` });
    for (const m of members) {
      if (m.status === 'intern' && m.firmId !== adviser.firmId)
        out.push({
          rule: 'R2',
          message: `intern ${m.id} (firm ${m.firmId}) on village ${village.id} beside adviser ${adviser.id} of another firm (${adviser.firmId})`,
          villageId: village.id,
          lawyerId: m.id,
          path: `${path}.team[${a.team.indexOf(m.id)}]`,
        });
    }
  }
  return out;
}

// R5: no vetoed pair, by the village (lawyer or firm) or by the lawyer, for the adviser and every team member.
export function checkVetoes(ix: ScenarioIndex, resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  for (const { assignment: a, adviser, members, village, path } of resolved) {
    const vetoAdviser = ix.veto(village, adviser);
    if (vetoAdviser) out.push({ rule: 'R5', message: `${vetoAdviser}, yet ${adviser.id} advises it`, villageId: village.id, lawyerId: adviser.id, path: `${path}.lawyerId` });
    for (const m of members) {
      const vetoMember = ix.veto(village, m);
      if (vetoMember)
        out.push({ rule: 'R5', message: `${vetoMember}, yet ${m.id} is on its team`, villageId: village.id, lawyerId: m.id, path: `${path}.team[${a.team.indexOf(m.id)}]` });
    }
  }
  return out;
}

// R6: every pin holds: the pinned village is advised by the pinned lawyer.
export function checkPins(ix: ScenarioIndex, solution: Solution): Violation[] {
  const adviserOf = new Map<string, string>();
  for (const a of solution.assignments) if (!adviserOf.has(a.villageId)) adviserOf.set(a.villageId, a.lawyerId);
  const out: Violation[] = [];
  ix.scenario.pins.forEach((pin, i) => {
    const got = adviserOf.get(pin.villageId);
    if (got === pin.lawyerId) return;
    const now = got === undefined ? 'it is not assigned' : `it is advised by ${got}`;
    out.push({ rule: 'R6', message: `village ${pin.villageId} is pinned to lawyer ${pin.lawyerId}, but ${now}`, villageId: pin.villageId, lawyerId: pin.lawyerId, path: `pins[${i}]` });
  });
  return out;
}

// R7: a lawyer serves only the city of their firm, unless on paired assistance (adviser and team members).
export function checkCities(ix: ScenarioIndex, resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  for (const { assignment: a, adviser, members, village, path } of resolved) {
    for (const l of [adviser, ...members]) {
      const city = ix.sameCityOrExempt(village, l);
      if (city.ok) continue;
      out.push({
        rule: 'R7',
        message: `lawyer ${l.id} (city ${city.lawyerCity}) serves village ${village.id} in city ${city.villageCity} without paired assistance`,
        villageId: village.id,
        lawyerId: l.id,
        path: l === adviser ? `${path}.lawyerId` : `${path}.team[${a.team.indexOf(l.id)}]`,
      });
    }
  }
  return out;
}

// TRAVEL: the adviser's road km is within maxTravelKm unless the pair is pinned, and `travelKm` reports it.
export function checkTravel(ix: ScenarioIndex, resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  const maxKm = ix.scenario.policy.maxTravelKm;
  for (const { assignment: a, adviser, village, path } of resolved) {
    const km = ix.roadKm(adviser, village);
    if (km === undefined) continue;
    if (km > maxKm && !ix.isPinned(village.id, adviser.id))
      out.push({ rule: 'TRAVEL', message: `lawyer ${adviser.id} is ${km.toFixed(1)} road km from village ${village.id}, limit ${maxKm}`, villageId: village.id, lawyerId: adviser.id, path });
    if (Math.abs(a.travelKm - km) > 0.001 + 1e-9)
      out.push({
        rule: 'TRAVEL',
        message: `village ${village.id}: travelKm reported as ${a.travelKm}, but lawyer ${adviser.id} is ${km.toFixed(3)} road km away`,
        villageId: village.id,
        lawyerId: adviser.id,
        path: `${path}.travelKm`,
      });
  }
  return out;
}

// R3: in team mode a team comes from the adviser's firm, fits team.maxSize, has no one twice, and reports its missing needs exactly; elsewhere there is no team.
export function checkTeams(ix: ScenarioIndex, resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  const maxSize = ix.scenario.policy.team.maxSize;
  for (const { assignment: a, adviser, members, village, path } of resolved) {
    const v = village.id;
    if (ix.modeOfVillage(village) !== 'team') {
      if (a.team.length > 0)
        out.push({ rule: 'R3', message: `village ${v} is not in team mode but has team members ${a.team.join(', ')}`, villageId: v, path: `${path}.team` });
      continue;
    }
    const size = 1 + a.team.length;
    if (size > maxSize) out.push({ rule: 'R3', message: `village ${v} has a team of ${size}, max ${maxSize}`, villageId: v, path: `${path}.team` });
    const seen = new Set([adviser.id]);
    a.team.forEach((m, j) => {
      if (seen.has(m)) out.push({ rule: 'R3', message: `village ${v}: lawyer ${m} is on the team twice`, villageId: v, lawyerId: m, path: `${path}.team[${j}]` });
      seen.add(m);
    });
    // An intern of another firm is reported once, under R2.
    for (const m of members) {
      if (m.firmId !== adviser.firmId && m.status !== 'intern')
        out.push({
          rule: 'R3',
          message: `village ${v}: team member ${m.id} is of firm ${m.firmId}, adviser ${adviser.id} of firm ${adviser.firmId}`,
          villageId: v,
          lawyerId: m.id,
          path: `${path}.team[${a.team.indexOf(m.id)}]`,
        });
    }
    const covered = new Set([adviser, ...members].flatMap((l) => l.specialties));
    const missing = new Set((village.needs ?? []).filter((n) => !covered.has(n)));
    const reported = new Set(a.missingNeeds ?? []);
    const same = missing.size === reported.size && [...missing].every((n) => reported.has(n));
    if (!same)
      out.push({
        rule: 'R3',
        message: `village ${v}: missingNeeds reported as [${[...reported].join(', ')}], but the team leaves [${[...missing].join(', ')}] uncovered`,
        villageId: v,
        path: `${path}.missingNeeds`,
      });
  }
  return out;
}
