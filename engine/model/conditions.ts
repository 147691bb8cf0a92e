/**
 * Road conditions over time: closures, speed factors and caps, all-wheel-drive-only windows, and
 * night. Each is a window [from, to) after the alert, on a set of links. What a link costs a truck at
 * a time is answered here; the network stays pure data.
 */
import type { ConditionInput, NodeInput } from './input.ts';
import type { Link, RoadNetwork } from './network.ts';
import { MS_PER_H, hours } from './units.ts';

export interface TruckTraits {
  awd: boolean;
  speedFactor: number;
}

interface CompiledCondition {
  id: string;
  kind: 'closure' | 'speed';
  links: Set<number>;
  from: number;
  to: number;
  factor: number;
  capKmh: number;
  awdOnly: boolean;
}

export interface ConditionsOptions {
  conditions: readonly ConditionInput[];
  alertHour: number;
  nightFromHour: number;
  nightToHour: number;
  nightSpeedFactor: number;
  /** Night boundaries are listed up to this time (ms). */
  horizonMs: number;
}

/** Which links a condition applies to; the given spatial selectors are OR-ed, road classes AND-ed. */
export function selectLinks(network: RoadNetwork, c: Omit<ConditionInput, 'kind' | 'fromH' | 'toH' | 'id'>): Set<number> {
  const inBox = (n: NodeInput | undefined) => c.box !== undefined && n !== undefined && n.lat >= c.box.minLat && n.lat <= c.box.maxLat && n.lon >= c.box.minLon && n.lon <= c.box.maxLon;
  const spatial = c.all === true || c.links !== undefined || c.nodes !== undefined || c.box !== undefined;
  const selected = new Set<number>();
  for (const link of network.links) {
    const hit =
      !spatial ||
      c.all === true ||
      (c.links?.includes(link.id) ?? false) ||
      (c.nodes?.includes(link.from) ?? false) ||
      (c.nodes?.includes(link.to) ?? false) ||
      inBox(network.nodes.get(link.from)) ||
      inBox(network.nodes.get(link.to));
    if (hit && (c.roadClasses === undefined || c.roadClasses.includes(link.roadClass))) selected.add(link.index);
  }
  return selected;
}

export class RoadConditions {
  private readonly compiled: CompiledCondition[];
  /** Times (ms) at which something changes, sorted, without duplicates. */
  readonly changes: number[];
  private readonly options: ConditionsOptions;

  constructor(
    private readonly network: RoadNetwork,
    options: ConditionsOptions,
  ) {
    this.options = options;
    this.compiled = options.conditions.map((c) => ({
      id: c.id,
      kind: c.kind,
      links: selectLinks(network, c),
      from: hours(c.fromH),
      to: c.toH === Infinity ? Infinity : hours(c.toH),
      factor: c.factor ?? 1,
      capKmh: c.capKmh ?? Infinity,
      awdOnly: c.awdOnly ?? false,
    }));
    const times = new Set<number>();
    for (const c of this.compiled) {
      if (c.from > 0) times.add(c.from);
      if (c.to !== Infinity) times.add(c.to);
    }
    if (options.nightSpeedFactor !== 1) for (const t of this.nightBoundaries()) times.add(t);
    this.changes = [...times].filter((t) => t <= options.horizonMs).sort((a, b) => a - b);
  }

  /** Links a condition applies to (for reports and tests). */
  linksOf(conditionId: string): Link[] {
    const c = this.compiled.find((x) => x.id === conditionId);
    return c === undefined ? [] : [...c.links].map((i) => this.network.links[i]!);
  }

  /** True when `t` (ms after the alert) falls in the night. */
  isNight(t: number): boolean {
    const { alertHour, nightFromHour: from, nightToHour: to } = this.options;
    const tod = (((alertHour + t / MS_PER_H) % 24) + 24) % 24;
    return from > to ? tod >= from || tod < to : tod >= from && tod < to;
  }

  /** Count of changes at or before `t`: two times with the same epoch see the same roads. */
  epochAt(t: number): number {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changes[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first change after `t`, or Infinity. */
  nextChangeAfter(t: number): number {
    const i = this.epochAt(t);
    return i < this.changes.length ? this.changes[i]! : Infinity;
  }

  /** Speed (km/h) of a truck entering `link` at `t`; 0 if it may not use the link then. */
  speedKmh(link: Link, t: number, truck: TruckTraits): number {
    if (link.awdOnly && !truck.awd) return 0;
    let speed = link.speedKmh * truck.speedFactor;
    let cap = Infinity;
    for (const c of this.compiled) {
      if (t < c.from || t >= c.to || !c.links.has(link.index)) continue;
      if (c.kind === 'closure') return 0;
      if (c.awdOnly && !truck.awd) return 0;
      speed *= c.factor;
      cap = Math.min(cap, c.capKmh);
    }
    if (this.options.nightSpeedFactor !== 1 && this.isNight(t)) speed *= this.options.nightSpeedFactor;
    return Math.min(speed, cap);
  }

  /** Time (ms) to drive `link` entered at `t`, or Infinity if it cannot be used. */
  travelMs(link: Link, t: number, truck: TruckTraits): number {
    const v = this.speedKmh(link, t, truck);
    return v > 0 ? (link.lengthKm / v) * MS_PER_H : Infinity;
  }

  private nightBoundaries(): number[] {
    const { alertHour, nightFromHour, nightToHour, horizonMs } = this.options;
    const out: number[] = [];
    for (const hour of [nightFromHour, nightToHour]) {
      const first = ((((hour - alertHour) % 24) + 24) % 24) * MS_PER_H;
      for (let t = first; t <= horizonMs; t += 24 * MS_PER_H) if (t > 0) out.push(Math.round(t));
    }
    return out;
  }
}
