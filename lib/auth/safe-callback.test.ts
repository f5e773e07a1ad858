import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback";

const APP = "https://claimbook.example";

/** What a browser would visit for `target` on a page of the app (the WHATWG URL parser is the browser's). */
function visitedOrigin(target: string): string {
  return new URL(target, `${APP}/signin`).origin;
}

// Pieces an attacker strings together: separators browsers drop or read as slashes,
// encoded slashes, schemes, hosts, CR/LF and look-alikes of "/" and ".".
const PIECES = [
  "/",
  "//",
  "\\",
  "\\\\",
  "\t",
  "\n",
  "\r",
  "\r\n",
  " ",
  "%09",
  "%0a",
  "%0d",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%2e",
  ".",
  "..",
  "@",
  ":",
  "?",
  "#",
  "%00",
  "\u0000",
  "\u00a0",
  "\u3000",
  "\uff0f",
  "\u2215",
  "\u2044",
  "\uff3c",
  "\u3002",
  "\uff0e",
  "http:",
  "https:",
  "javascript:",
  "data:",
  "//evil.example",
  "evil.example",
  "evil.example.",
  "127.0.0.1",
  "[::1]",
  "xn--80ak6aa92e.com",
  "аpple.com",
  "documents",
  "search?q=a",
];

const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
const hostileWithLeadingSlash = hostile.map((v) => `/${v}`);

function expectInsideApp(result: string) {
  expect(result.startsWith("/")).toBe(true);
  expect(result.startsWith("//")).toBe(false);
  expect([...result].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
  // A backslash may stay in the query or fragment, where no browser reads it as a slash.
  expect(result.split(/[?#]/)[0]).not.toContain("\\");
  expect(visitedOrigin(result)).toBe(APP);
  // A redirect puts it in a Location header: it must be a valid header value.
  expect(() => new Headers({ location: result })).not.toThrow();
}

describe("safeCallbackUrl", () => {
  it("keeps ordinary in-app paths with their query and fragment", () => {
    expect(safeCallbackUrl("/documents")).toBe("/documents");
    expect(safeCallbackUrl("/search?q=sheriff&sort=newest")).toBe("/search?q=sheriff&sort=newest");
    expect(safeCallbackUrl("/documents/a-b#claim-c1")).toBe("/documents/a-b#claim-c1");
    expect(safeCallbackUrl(["/search", "/admin"])).toBe("/search");
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "/.//evil.example",
    "/\t\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    " /documents",
    "",
  ])("refuses %j, which would leave the origin", (value) => {
    const result = safeCallbackUrl(value);
    expectInsideApp(result);
    expect(result).toBe("/documents");
  });

  it("keeps an already-encoded tab encoded: the browser does not decode it into a separator", () => {
    expect(safeCallbackUrl("/%09/evil.example")).toBe("/%09/evil.example");
    expect(visitedOrigin("/%09/evil.example")).toBe(APP);
  });

  it("turns CR/LF into an encoded path instead of a broken Location header", () => {
    const result = safeCallbackUrl("/documents\r\nSet-Cookie: x=1");
    expectInsideApp(result);
    expect(result.startsWith("/documents")).toBe(true);
  });

  it("no hostile value leaves the origin (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, hostileWithLeadingSlash, fc.string(), fc.string({ unit: "binary" })), (value) => {
        expectInsideApp(safeCallbackUrl(value));
      }),
      { numRuns: 5000 },
    );
  });
});
