/**
 * The shipped reference data in seeds/data: the Liaoning road network (nodes.csv, links.csv) and the
 * per-person kit (kit.csv). Each row keeps its source; see seeds/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../engine/paths.ts';
import { parse } from 'csv-parse/sync';
import type { LinkInput, NodeInput, RoadClass } from '../engine/model/input.ts';

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(projectRoot(), 'seeds', 'data', file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/** Road classes of links.csv, mapped to the model's. */
const ROAD_CLASS: Record<string, RoadClass> = {
  expressway: 'expressway',
  urban_connector: 'urban',
  mixed_expressway_urban: 'mixed',
};

export interface ReferenceNetwork {
  nodes: (NodeInput & { source: string; confidence: string })[];
  links: (LinkInput & { source: string; confidence: string })[];
}

let liaoning: ReferenceNetwork | undefined;

/** The Liaoning expressway graph: 48 nodes and 64 links with their modelled lengths. */
export function liaoningNetwork(): ReferenceNetwork {
  if (liaoning !== undefined) return liaoning;
  const nodes = readCsv('nodes.csv').map((r) => ({
    id: r.node_id!,
    name: `${r.name_en} ${r.name_zh}`.trim(),
    lat: Number(r.lat),
    lon: Number(r.lon),
    kind: r.type!,
    source: r.source!,
    confidence: r.confidence!,
  }));
  const links = readCsv('links.csv').map((r) => {
    const roadClass = ROAD_CLASS[r.road_class!];
    if (roadClass === undefined) throw new Error(`seeds/data/links.csv: link ${r.link_id}: unknown road_class "${r.road_class}"`);
    return {
      id: r.link_id!,
      from: r.from_node!,
      to: r.to_node!,
      lengthKm: Number(r.length_km),
      roadClass,
      road: r.road!,
      source: r.source!,
      confidence: r.confidence!,
    };
  });
  liaoning = { nodes, links };
  return liaoning;
}

export interface KitLine {
  id: string;
  item: string;
  category: string;
  kg: number;
  m3: number;
}

/** The per-person bill of materials for a 72 h deployment (kit.csv, without the TOTAL row). */
export function kitLines(): KitLine[] {
  return readCsv('kit.csv')
    .filter((r) => r.item_id !== 'TOTAL')
    .map((r) => ({ id: r.item_id!, item: r.item!, category: r.category!, kg: Number(r.kg_default), m3: Number(r.m3_default) }));
}
