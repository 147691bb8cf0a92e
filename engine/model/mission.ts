/**
 * A mission's state during a run: the modules it needs, those shipped and delivered, when it was
 * complete, and the people supplied over time.
 */
import type { MissionInput } from './input.ts';
import { modulesFor, peopleSupplied, type Counts, type Module } from './kit.ts';
import type { MissionView } from './dispatch.ts';
import { hours } from './units.ts';
import type { Trip } from './recorder.ts';

export class Mission implements MissionView {
  readonly id: string;
  readonly priority: number;
  readonly deadlineMs: number;
  readonly required: Counts;
  /** Modules put on trucks so far. */
  readonly shipped: Counts = new Map();
  /** Modules at the destination so far. */
  readonly delivered: Counts = new Map();
  /** When the destination first held full kits for everyone (ms), or Infinity. */
  completedAt = Infinity;
  /** The trip whose delivery completed the mission. */
  criticalTrip: Trip | null = null;
  /** (time ms, people supplied) after each delivery that changed it. */
  readonly supplied: [number, number][] = [];
  trips = 0;

  constructor(
    readonly input: MissionInput,
    readonly modules: readonly Module[],
  ) {
    this.id = input.id;
    this.priority = input.priority;
    this.deadlineMs = hours(input.deadlineH);
    this.required = modulesFor(input.people, modules);
    for (const m of modules) {
      this.shipped.set(m.id, 0);
      this.delivered.set(m.id, 0);
    }
  }

  get modulesLeft(): number {
    let n = 0;
    for (const [id, need] of this.required) n += Math.max(0, need - this.shipped.get(id)!);
    return n;
  }

  /** Modules still to ship, by id. */
  left(): Counts {
    return new Map([...this.required].map(([id, need]) => [id, Math.max(0, need - this.shipped.get(id)!)]));
  }

  get peopleNow(): number {
    return Math.min(this.input.people, peopleSupplied(this.delivered, this.modules));
  }

  get complete(): boolean {
    return this.completedAt < Infinity;
  }

  /** Records modules arriving at `now` on `trip`. */
  deliver(load: readonly string[], now: number, trip: Trip): void {
    for (const id of load) this.delivered.set(id, this.delivered.get(id)! + 1);
    const people = this.peopleNow;
    const last = this.supplied[this.supplied.length - 1];
    if (last === undefined || last[1] !== people) this.supplied.push([now, people]);
    if (!this.complete && people >= this.input.people) {
      this.completedAt = now;
      this.criticalTrip = trip;
    }
  }

  /** People supplied at time `t` (ms). */
  peopleAt(t: number): number {
    let people = 0;
    for (const [time, p] of this.supplied) {
      if (time > t) break;
      people = p;
    }
    return people;
  }
}
