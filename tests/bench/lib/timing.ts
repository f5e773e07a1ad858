export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  // Nearest rank: the smallest value with at least p of the runs at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Times `fn` after `warmup` untimed calls: `runs` times, or fewer when the time budget is
 * spent (never fewer than `minRuns`), in milliseconds.
 */
export async function measure(fn: () => unknown, options: { runs: number; budgetMs: number; warmup?: number; minRuns?: number }): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  const deadline = performance.now() + options.budgetMs;
  while (times.length < options.runs && (times.length < (options.minRuns ?? 5) || performance.now() < deadline)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), runs: times.length };
}

/**
 * Times several functions in turns (a, b, a, b, …), so that a busy machine slows them
 * alike and their ratio stays meaningful.
 */
export async function measureInTurns(fns: (() => unknown)[], options: { runs: number; budgetMs: number; warmup?: number; minRuns?: number }): Promise<Timing[]> {
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
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 0.5), p95: percentile(t, 0.95), runs: t.length };
  });
}

/** Pads a table of strings into aligned columns (numbers right-aligned). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (/^[\d.,x<>~ -]+$/.test(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
