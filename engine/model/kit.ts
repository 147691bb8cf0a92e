/**
 * Kit modules: how many a mission needs, how many people a set of them supplies, and which of them go
 * on a truck. A module is one pallet of one category's kit for a number of people; N people are
 * supplied when every category covers N. Masses in grams and volumes in litres (whole numbers), so a
 * load that exactly fills a truck fits.
 */

export interface Module {
  readonly id: string;
  readonly category: string;
  readonly peoplePerModule: number;
  readonly massG: number;
  readonly volumeL: number;
}

/** What a truck can still take. */
export interface Capacity {
  slots: number;
  massG: number;
  volumeL: number;
}

export type Counts = Map<string, number>;

/** Modules needed to supply `people`: for each module, ⌈people / peoplePerModule⌉. */
export function modulesFor(people: number, modules: readonly Module[]): Counts {
  return new Map(modules.map((m) => [m.id, Math.ceil(people / m.peoplePerModule)]));
}

/** People that `counts` supply: the least, over categories, of the people the category covers. */
export function peopleSupplied(counts: Counts, modules: readonly Module[]): number {
  const byCategory = new Map<string, number>();
  for (const m of modules) byCategory.set(m.category, (byCategory.get(m.category) ?? 0) + (counts.get(m.id) ?? 0) * m.peoplePerModule);
  let least = Infinity;
  for (const people of byCategory.values()) least = Math.min(least, people);
  return least === Infinity ? 0 : least;
}

export function fits(m: Module, room: Capacity): boolean {
  return room.slots >= 1 && m.massG <= room.massG && m.volumeL <= room.volumeL;
}

/**
 * Chooses modules for one truck from `available` (module id → count that may still be shipped),
 * balancing categories: each pick is the fitting module whose category has covered the fewest people
 * so far (counting `alreadyShipped`), so that every truckload carries whole kits where it can and
 * people are supplied early. Ties go to the module listed first. Returns module ids in loading order.
 */
export function planLoad(available: Counts, modules: readonly Module[], capacity: Capacity, alreadyShipped: Counts): string[] {
  const room = { ...capacity };
  const left = new Map(available);
  const covered = new Map<string, number>();
  for (const m of modules) covered.set(m.category, (covered.get(m.category) ?? 0) + (alreadyShipped.get(m.id) ?? 0) * m.peoplePerModule);
  const load: string[] = [];
  for (;;) {
    let pick: Module | undefined;
    for (const m of modules) {
      if ((left.get(m.id) ?? 0) <= 0 || !fits(m, room)) continue;
      if (pick === undefined || covered.get(m.category)! < covered.get(pick.category)!) pick = m;
    }
    if (pick === undefined) return load;
    load.push(pick.id);
    left.set(pick.id, left.get(pick.id)! - 1);
    covered.set(pick.category, covered.get(pick.category)! + pick.peoplePerModule);
    room.slots -= 1;
    room.massG -= pick.massG;
    room.volumeL -= pick.volumeL;
  }
}
