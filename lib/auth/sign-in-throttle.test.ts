import { describe, expect, it } from "vitest";
import {
  clientAddress,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SignInThrottle,
  WINDOW_MS,
} from "./sign-in-throttle";

describe("SignInThrottle", () => {
  it("blocks an account after repeated failures until the window has passed", () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(throttle.retryAfterMinutes("a@x.test", "1.2.3.4")).toBe(0);
      throttle.recordFailure("a@x.test", `10.0.0.${i}`);
    }
    expect(throttle.retryAfterMinutes("a@x.test", "1.2.3.4")).toBe(15);
    expect(throttle.retryAfterMinutes("b@x.test", "1.2.3.4")).toBe(0);
    now += WINDOW_MS + 1;
    expect(throttle.retryAfterMinutes("a@x.test", "1.2.3.4")).toBe(0);
  });

  it("blocks an address that tries many accounts", () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) throttle.recordFailure(`user${i}@x.test`, "6.6.6.6");
    expect(throttle.retryAfterMinutes("new@x.test", "6.6.6.6")).toBeGreaterThan(0);
    expect(throttle.retryAfterMinutes("new@x.test", "7.7.7.7")).toBe(0);
  });

  it("forgets an account's failures after a successful sign-in", () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) throttle.recordFailure("a@x.test", "1.1.1.1");
    throttle.recordSuccess("a@x.test");
    throttle.recordFailure("a@x.test", "1.1.1.1");
    expect(throttle.retryAfterMinutes("a@x.test", "2.2.2.2")).toBe(0);
  });

  it("reads the first forwarded address", () => {
    expect(clientAddress({ "x-forwarded-for": "9.9.9.9, 10.0.0.1" })).toBe("9.9.9.9");
    expect(clientAddress({})).toBe("local");
  });
});
