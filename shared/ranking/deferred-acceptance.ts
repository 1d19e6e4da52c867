// Applicant-proposing deferred acceptance (Gale & Shapley 1962), many-to-many: each applicant may hold up to
// `cap` regions, each region up to its quota. Issue 3: "with a per-applicant cap, allocation follows
// applicants' preferences and rank so that the result is stable". With responsive preferences (an applicant
// ranks sets of regions by its ranking of single regions) the result is pairwise stable and the best stable
// outcome for every applicant; it does not depend on the order in which proposals are processed.

export interface DaProposer {
  readonly id: string;
  /** Acceptable regions (the proposer qualifies there), most wanted first. */
  readonly preferences: readonly string[];
}

export interface DaRegion {
  readonly id: string;
  readonly capacity: number;
  /** Strict priority of the proposers the region accepts: lower = better. */
  readonly priority: ReadonlyMap<string, number>;
}

/** Region id → held proposer ids in priority order. */
export function deferredAcceptance(proposers: readonly DaProposer[], regions: readonly DaRegion[], cap: number): Map<string, string[]> {
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const held = new Map<string, string[]>(regions.map((r) => [r.id, []]));
  const nextChoice = new Map<string, number>();
  const holding = new Map<string, number>();
  const prefs = new Map(proposers.map((p) => [p.id, p.preferences]));
  const queue = proposers.map((p) => p.id);
  const queued = new Set(queue);

  while (queue.length > 0) {
    const p = queue.shift()!;
    queued.delete(p);
    const list = prefs.get(p)!;
    // Propose down the list until holding `cap` regions or out of choices.
    while ((holding.get(p) ?? 0) < cap && (nextChoice.get(p) ?? 0) < list.length) {
      const i = nextChoice.get(p) ?? 0;
      nextChoice.set(p, i + 1);
      const region = regionById.get(list[i]!);
      const priority = region?.priority.get(p);
      if (!region || priority === undefined) continue; // not acceptable to the region
      const seats = held.get(region.id)!;
      seats.push(p);
      holding.set(p, (holding.get(p) ?? 0) + 1);
      if (seats.length <= region.capacity) continue;
      // Over capacity: the region lets go of its worst-ranked holder (possibly p itself).
      let worst = 0;
      for (let k = 1; k < seats.length; k++) if (region.priority.get(seats[k]!)! > region.priority.get(seats[worst]!)!) worst = k;
      const [rejected] = seats.splice(worst, 1);
      holding.set(rejected!, holding.get(rejected!)! - 1);
      if (rejected !== p && !queued.has(rejected!)) {
        queue.push(rejected!);
        queued.add(rejected!);
      }
    }
  }
  for (const r of regions) held.get(r.id)!.sort((a, b) => r.priority.get(a)! - r.priority.get(b)!);
  return held;
}
