import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meanInterval, summarise, type ReplicationDigest } from '../../engine/index.ts';
import { remember, type AppDeps } from '../deps.ts';
import { ApiError, invalidScenario } from '../errors.ts';
import { asApiError, jsonSafe, loadForRun, runRecord, tryLoad, type Loaded } from '../scenario-request.ts';
import { CompareRequest, CompareResponse, SimulationErrors } from '../schemas.ts';

/** Per replication, whether target `id` was on time (digests are in replication order). */
const onTimeSeries = (digests: ReplicationDigest[], index: number) => digests.map((d) => (d.missions[index]!.onTime ? 1 : 0));

export const compareRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/v1/compare',
    {
      schema: {
        summary: 'Run a base scenario and variants on common random numbers; per target, each variant’s P(on time) and its difference from the base',
        tags: ['runs'],
        body: CompareRequest,
        response: { 200: CompareResponse, ...SimulationErrors },
      },
    },
    async (request) => {
      const body = request.body;
      const names = Object.keys(body.variants);
      if (names.length === 0 || names.length > deps.config.maxVariants) {
        throw new ApiError(400, 'bad_request', 'wrong number of variants', [{ path: ['variants'], code: 'size', message: `must name 1 to ${deps.config.maxVariants} variants; got ${names.length}` }]);
      }
      const base = loadForRun(body, deps.config);
      const { replications, seed, requiredConfidence } = base.scenario.run;
      // Every variant runs with the base's replications and seed: common random numbers.
      const variants: [string, Loaded][] = names.map((name) => {
        const loaded = tryLoad(body, [body.variants[name], { run: { replications, seed } }], [`@variants.${name}`, '@run']);
        if (!loaded.ok) throw invalidScenario(loaded.issues, ['variants', name]);
        return [name, loaded];
      });
      const started = performance.now();
      const runs = await deps.runner
        .run([base, ...variants.map(([, v]) => v)].map((l) => ({ input: l.model, replications, seed })))
        .catch((e: unknown) => {
          throw asApiError(e);
        });
      const baseSummary = summarise(base.model, runs[0]!, seed, requiredConfidence);
      const variantSummaries = variants.map(([, v], i) => summarise(v.model, runs[i + 1]!, seed, requiredConfidence));
      const targets = base.model.missions.map((m, mi) => {
        const b = baseSummary.missions[mi]!;
        const baseSeries = onTimeSeries(runs[0]!, mi);
        return {
          id: m.id,
          label: m.label,
          base: { onTime: b.onTime, verdict: b.verdict, medianMin: b.completionMin.median },
          variants: variants.flatMap(([name, v], vi) => {
            const index = v.model.missions.findIndex((x) => x.id === m.id);
            if (index < 0) return []; // the variant removed this target
            const s = variantSummaries[vi]!.missions[index]!;
            const series = onTimeSeries(runs[vi + 1]!, index);
            const d = meanInterval(series.map((x, r) => x - baseSeries[r]!));
            return [{ name, onTime: s.onTime, verdict: s.verdict, medianMin: s.completionMin.median, difference: { mean: d.mean, lower: d.lower, upper: d.upper } }];
          }),
        };
      });
      const result = { ...runRecord(body, base.scenario, { seed, replications }, started), targets: jsonSafe(targets) as never };
      remember(deps, 'compare', body, result);
      return result;
    },
  );
};
