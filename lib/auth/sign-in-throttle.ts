import "server-only";
/**
 * Failed sign-ins counted per account and per client address over a sliding window.
 * In memory: one server process is how this app is deployed; a second process would
 * need a shared store.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export class SignInThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Minutes until the account or address may try again, or 0 when it may try now. */
  retryAfterMinutes(email: string, address: string): number {
    const blocked = [
      [`account:${email}`, MAX_FAILURES_PER_ACCOUNT],
      [`address:${address}`, MAX_FAILURES_PER_ADDRESS],
    ] as const;
    let wait = 0;
    for (const [key, max] of blocked) {
      const times = this.recent(key);
      if (times.length >= max) wait = Math.max(wait, times[times.length - max] + WINDOW_MS - this.now());
    }
    return Math.ceil(wait / 60_000);
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`account:${email}`, `address:${address}`])
      this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }
}

/** The client address as the server saw it (first X-Forwarded-For hop when behind a proxy). */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "local";
}
