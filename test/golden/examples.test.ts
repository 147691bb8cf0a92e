/**
 * Examples are golden tests: each shipped scenario, run with a fixed seed, must print exactly the
 * checked-in output (test/golden/<id>.out). The baseline runs with its own settings (1000
 * replications, seed 2026): that is `npm start`, whose output the README shows.
 * After a deliberate change of results, regenerate with `UPDATE_GOLDEN=1 npm test -- golden` and
 * review the diff.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shippedScenarios } from '../../scenarios/index.ts';
import { cli } from '../helpers/cli.ts';

const g = suite('golden outputs');
const update = process.env.UPDATE_GOLDEN === '1';

for (const { id } of shippedScenarios()) {
  const args = id === 'baseline' ? ['run', id, '-w', '1', '-q'] : ['run', id, '-n', '100', '-w', '1', '-q'];
  g(`zhanbao ${args.join(' ')}`, async () => {
    const file = fileURLToPath(new URL(`./${id}.out`, import.meta.url));
    const r = await cli(...args);
    assert.is(r.code, 0, r.stderr);
    if (update || !existsSync(file)) writeFileSync(file, r.stdout);
    assert.fixture(r.stdout, readFileSync(file, 'utf8'));
  });
}

g.run();
