/**
 * A textbook queue (c servers, one FIFO line) built on the kernel: the worked example of how a
 * model uses processes, a Resource and monitors, and the model behind the queueing-theory tests and
 * the kernel benchmark. Times are in an abstract unit, converted to ticks with `ticksPerUnit`.
 */
import { Environment, Resource, Tally, TimeWeighted, type ProcessGenerator } from '../kernel/index.ts';

export interface QueueOptions {
  servers: number;
  /** Draws the next interarrival time (units). */
  interarrival: () => number;
  /** Draws a service time (units). */
  service: () => number;
  /** Stop creating customers after this many (whichever comes first with `horizon`). */
  customers?: number;
  /** Customers arrive until this time (units); time averages cover [warmup, horizon]; the customers
   * still there finish afterwards, so every arrival in the window is counted. */
  horizon?: number;
  /** Statistics start here (units). Default 0. */
  warmup?: number;
  /** Ticks per unit of time. Default 1e6 (draws rounded to a millionth of a unit). */
  ticksPerUnit?: number;
}

export interface QueueResult {
  /** Customers who arrived after the warm-up and finished. */
  served: number;
  /** Mean wait in the queue (units). */
  wq: number;
  /** Mean time in the system (units). */
  w: number;
  /** Time-average number in the system. */
  l: number;
  /** Time-average number waiting. */
  lq: number;
  /** Time-average share of servers busy. */
  utilisation: number;
  /** Arrivals per unit of time after the warm-up. */
  arrivalRate: number;
  /** Kernel events processed. */
  events: number;
}

export function runQueue(options: QueueOptions): QueueResult {
  const { servers, interarrival, service, customers = Infinity, horizon = Infinity, warmup = 0, ticksPerUnit = 1e6 } = options;
  if (customers === Infinity && horizon === Infinity) throw new RangeError('runQueue: give customers or horizon');
  const env = new Environment();
  const desk = new Resource(env, { capacity: servers, monitor: true });
  const warmupTicks = Math.round(warmup * ticksPerUnit);
  const inSystem = new TimeWeighted(0, 0);
  let count = 0;
  let arrivals = 0;
  const waits = new Tally();
  const sojourns = new Tally();

  function* customer(): ProcessGenerator {
    const arrived = env.now;
    const counted = arrived >= warmupTicks;
    if (counted) arrivals++;
    inSystem.record(arrived, ++count);
    const request = desk.request();
    yield request;
    const waited = env.now - arrived;
    yield env.timeout(Math.round(service() * ticksPerUnit));
    desk.release(request);
    inSystem.record(env.now, --count);
    if (counted) {
      waits.add(waited / ticksPerUnit);
      sojourns.add((env.now - arrived) / ticksPerUnit);
    }
  }

  function* source(): ProcessGenerator {
    for (let i = 0; i < customers; i++) {
      yield env.timeout(Math.round(interarrival() * ticksPerUnit));
      if (env.now >= horizonTicks) return;
      env.process(customer());
    }
  }

  const horizonTicks = horizon === Infinity ? Infinity : Math.round(horizon * ticksPerUnit);
  env.process(source());
  if (warmupTicks > 0) {
    env.run({ until: warmupTicks });
    inSystem.reset(warmupTicks);
    desk.inUseStats!.reset(warmupTicks);
    desk.queueStats!.reset(warmupTicks);
  }
  // Time averages over [warm-up, horizon]; then no more arrivals, and the customers still in the
  // system finish, so that every customer who arrived in the window counts (censoring the ones still
  // waiting at the horizon would bias the mean wait down).
  if (horizonTicks !== Infinity) env.run({ until: horizonTicks });
  else env.run();
  const end = horizonTicks === Infinity ? env.now : horizonTicks;
  const l = inSystem.mean(end);
  const lq = desk.queueStats!.mean(end);
  const utilisation = desk.inUseStats!.mean(end) / servers;
  env.run();
  return {
    served: waits.count,
    wq: waits.mean,
    w: sojourns.mean,
    l,
    lq,
    utilisation,
    arrivalRate: arrivals / ((end - warmupTicks) / ticksPerUnit),
    events: env.eventsProcessed,
  };
}
