/**
 * The road network: nodes and undirected links, with shortest paths by any cost. Pure data and
 * Dijkstra; it knows nothing of time or the kernel (conditions.ts says what a link costs when).
 */
import type { LinkInput, NetworkInput, NodeInput, RoadClass } from './input.ts';

export interface Link {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly lengthKm: number;
  readonly roadClass: RoadClass;
  /** Cruise speed on this link when nothing slows it (km/h). */
  readonly speedKmh: number;
  readonly awdOnly: boolean;
  /** Position in {@link RoadNetwork.links}. */
  readonly index: number;
}

/** A route: the nodes visited and the links driven, in order. */
export interface Path {
  readonly nodes: readonly string[];
  readonly links: readonly Link[];
  /** Sum of the cost function over the links. */
  readonly cost: number;
  readonly lengthKm: number;
}

/** Cost of driving a link from `fromNode`; Infinity if it cannot be used. */
export type LinkCost = (link: Link, fromNode: string) => number;

export class RoadNetwork {
  readonly nodes = new Map<string, NodeInput>();
  readonly links: Link[] = [];
  private readonly byId = new Map<string, Link>();
  private readonly adjacent = new Map<string, { link: Link; other: string }[]>();
  private readonly nodeIds: string[];

  /** @throws Error naming the link if an endpoint is unknown or a length or speed is not positive. */
  constructor(input: Pick<NetworkInput, 'nodes' | 'links' | 'speedsKmh'>) {
    for (const n of input.nodes) {
      this.nodes.set(n.id, n);
      this.adjacent.set(n.id, []);
    }
    this.nodeIds = [...this.nodes.keys()];
    input.links.forEach((l: LinkInput) => {
      if (!this.nodes.has(l.from) || !this.nodes.has(l.to)) throw new Error(`link ${l.id}: unknown node ${this.nodes.has(l.from) ? l.to : l.from}`);
      const speedKmh = l.speedKmh ?? input.speedsKmh[l.roadClass];
      if (!(l.lengthKm > 0)) throw new Error(`link ${l.id}: lengthKm must be > 0`);
      if (!(speedKmh > 0)) throw new Error(`link ${l.id}: speed must be > 0`);
      const link: Link = { id: l.id, from: l.from, to: l.to, lengthKm: l.lengthKm, roadClass: l.roadClass, speedKmh, awdOnly: l.awdOnly ?? false, index: this.links.length };
      this.links.push(link);
      this.byId.set(link.id, link);
      this.adjacent.get(l.from)!.push({ link, other: l.to });
      this.adjacent.get(l.to)!.push({ link, other: l.from });
    });
  }

  link(id: string): Link | undefined {
    return this.byId.get(id);
  }

  /** The other end of `link` from `node`. */
  otherEnd(link: Link, node: string): string {
    return link.from === node ? link.to : link.from;
  }

  /**
   * Cheapest path from `from` to `to` under `cost`, or null if every path has an unusable link.
   * Ties go to the node listed first, so the answer never depends on hash order.
   */
  shortestPath(from: string, to: string, cost: LinkCost): Path | null {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return null;
    const dist = new Map<string, number>([[from, 0]]);
    const via = new Map<string, { link: Link; prev: string }>();
    const done = new Set<string>();
    for (;;) {
      let best: string | null = null;
      let bestDist = Infinity;
      for (const id of this.nodeIds) {
        const d = dist.get(id);
        if (d !== undefined && d < bestDist && !done.has(id)) {
          best = id;
          bestDist = d;
        }
      }
      if (best === null) return null;
      if (best === to) break;
      done.add(best);
      for (const { link, other } of this.adjacent.get(best)!) {
        if (done.has(other)) continue;
        const c = cost(link, best);
        if (!(c < Infinity)) continue;
        const nd = bestDist + c;
        const old = dist.get(other);
        if (old === undefined || nd < old) {
          dist.set(other, nd);
          via.set(other, { link, prev: best });
        }
      }
    }
    const links: Link[] = [];
    const nodes: string[] = [to];
    for (let at = to; at !== from; ) {
      const step = via.get(at)!;
      links.push(step.link);
      at = step.prev;
      nodes.push(at);
    }
    links.reverse();
    nodes.reverse();
    return { nodes, links, cost: dist.get(to)!, lengthKm: links.reduce((a, l) => a + l.lengthKm, 0) };
  }
}
