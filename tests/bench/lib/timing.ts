import { quantile } from "../stats";

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

function summarise(times: number[]): Timing {
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), runs: times.length };
}

interface Options {
  runs: number;
  budgetMs: number;
  warmup?: number;
  minRuns?: number;
}

/**
 * Times several functions in turns (a, b, a, b, …), so that a busy machine slows them
 * alike and their ratio stays meaningful: `runs` rounds after `warmup` untimed ones, or
 * fewer when the time budget is spent (never fewer than `minRuns`), in milliseconds.
 */
export async function measureInTurns(fns: (() => unknown)[], options: Options): Promise<Timing[]> {
  for (let i = 0; i < (options.warmup ?? 2); i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  const deadline = performance.now() + options.budgetMs;
  while (times[0].length < options.runs && (times[0].length < (options.minRuns ?? 5) || performance.now() < deadline)) {
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      times[i].push(performance.now() - t0);
    }
  }
  return times.map(summarise);
}

export async function measure(fn: () => unknown, options: Options): Promise<Timing> {
  return (await measureInTurns([fn], options))[0];
}
