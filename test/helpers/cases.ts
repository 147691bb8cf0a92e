/** The known-answer cases (copied from the project's shared cases), looked up by id. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Case {
  id: string;
  source: string;
  kind: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scenario: any;
  // The expected values are read as the case file states them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expected: any;
  derivation: string;
}

const cases: Case[] = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/des-cases.json', import.meta.url)), 'utf8'));

export function knownCase(id: string): Case {
  const c = cases.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no case ${id} in test/fixtures/des-cases.json`);
  return c;
}

export const caseIds = cases.map((c) => c.id);
