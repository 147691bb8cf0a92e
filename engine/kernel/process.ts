/**
 * Processes: generator functions that yield events. The kernel alone decides when a process
 * resumes (SimPy's `Process._resume`); a process is itself an event, which succeeds with the
 * generator's return value or fails with the error it threw, so processes can wait for each other.
 */
import type { Environment } from './environment.ts';
import { ArgumentError, Interrupt, SimError } from './errors.ts';
import { SimEvent, URGENT, type Callback } from './events.ts';

/** What a process body is: a generator that yields events and gets back their values. */
export type ProcessGenerator<R = void> = Generator<SimEvent<any>, R, any>;

export class Process<R = unknown> extends SimEvent<R> {
  private target: SimEvent<unknown> | null;
  private readonly resumeCallback: Callback;

  constructor(
    env: Environment,
    private readonly generator: ProcessGenerator<R>,
    /** Optional name, for traces and error messages. */
    readonly name?: string,
  ) {
    super(env);
    if (generator === null || typeof generator !== 'object' || typeof generator.next !== 'function' || typeof generator.throw !== 'function') {
      throw new ArgumentError('Process', 'generator', 'a generator object (call the function*)', generator);
    }
    this.resumeCallback = (event) => this.resume(event);
    const start = new SimEvent<unknown>(env);
    start.callbacks!.push(this.resumeCallback);
    env.schedule(start, URGENT, 0);
    this.target = start;
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  /** The event the process is waiting for, or null if it has ended. */
  get waitingFor(): SimEvent<unknown> | null {
    return this.target;
  }

  /**
   * Throws an {@link Interrupt} carrying `cause` into the process at the current time, before
   * ordinary events of this instant. The process stops waiting for its current event; if it was
   * waiting for a resource request, its `finally` should cancel the request.
   * @throws ArgumentError if the process has ended or interrupts itself.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new ArgumentError('Process.interrupt', 'process', 'alive', `ended process ${this.name ?? ''}`.trim());
    if (this.env.activeProcess === this) throw new ArgumentError('Process.interrupt', 'process', 'another process (a process cannot interrupt itself)', this.name ?? 'itself');
    const interruption = new SimEvent<unknown>(this.env);
    interruption._ok = false;
    interruption._value = new Interrupt(cause);
    interruption.defused = true;
    interruption.callbacks!.push(() => {
      if (!this.isAlive) return; // it ended in the meantime: nothing to interrupt
      const waiting = this.target?.callbacks;
      if (waiting) {
        const i = waiting.indexOf(this.resumeCallback);
        if (i >= 0) waiting.splice(i, 1);
      }
      this.resume(interruption);
    });
    this.env.schedule(interruption, URGENT, 0);
  }

  private resume(event: SimEvent<unknown>): void {
    const env = this.env;
    env._active = this as Process<unknown>;
    let current = event;
    for (;;) {
      let step: IteratorResult<SimEvent<unknown>, R>;
      try {
        if (current._ok) {
          step = this.generator.next(current._value);
        } else {
          current.defused = true;
          step = this.generator.throw(current._value);
        }
      } catch (error) {
        this.target = null;
        env._active = null;
        this.fail(error instanceof Error ? error : new SimError(`process ${this.name ?? ''} threw a non-Error: ${String(error)}`));
        return;
      }
      if (step.done) {
        this.target = null;
        env._active = null;
        this.succeed(step.value);
        return;
      }
      const next = step.value;
      if (!(next instanceof SimEvent) || next.env !== env) {
        // Throw the mistake into the generator so that its own try/finally runs.
        const bad = new SimEvent<unknown>(env);
        bad._ok = false;
        bad._value = new ArgumentError('Process', 'yielded value', 'an event of this environment', next instanceof SimEvent ? 'an event of another environment' : next);
        current = bad;
        continue;
      }
      if (next.callbacks !== null) {
        next.callbacks.push(this.resumeCallback);
        this.target = next;
        break;
      }
      current = next; // already processed: resume at once with its outcome
    }
    env._active = null;
  }
}
