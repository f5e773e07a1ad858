import { describe, expect, it } from "vitest";
import {
  MAX_ACTION_BODY_BYTES,
  MAX_ACTION_NESTING,
  MAX_UPLOAD_ACTION_BODY_BYTES,
  nestingDepth,
  refuseHostileAction,
} from "./action-request-guard";

const action = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://app.test/setup", {
    method: "POST",
    body,
    headers: {
      host: "app.test",
      origin: "http://app.test",
      "next-action": "abc",
      "content-length": String(new TextEncoder().encode(body).length),
      ...headers,
    },
  });

describe("nestingDepth", () => {
  it("counts brackets outside JSON strings only", () => {
    expect(nestingDepth('[{"a":[1,2]}]')).toBe(3);
    expect(nestingDepth('["[[[[", "\\"[[["]')).toBe(1);
    expect(nestingDepth("[".repeat(10_000))).toBe(10_000);
  });
});

describe("refuseHostileAction", () => {
  it("lets an ordinary same-origin action call through", async () => {
    expect(await refuseHostileAction(action('[{"claimId":"c1","tag":"statistic","on":true}]'))).toBeNull();
  });
  it("refuses a foreign origin", async () => {
    expect(await refuseHostileAction(action("[]", { origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(await refuseHostileAction(action("[]", { origin: "null" }))).toMatchObject({ status: 403 });
  });
  it("refuses a body over the limit, declared or not", async () => {
    expect(
      await refuseHostileAction(action("[]", { "content-length": String(MAX_ACTION_BODY_BYTES + 1) })),
    ).toMatchObject({ status: 413 });
    expect(
      await refuseHostileAction(action("x".repeat(MAX_ACTION_BODY_BYTES + 1), { "content-length": "10" })),
    ).toMatchObject({ status: 413 });
  });
  it("lets a file upload (multipart) through up to the upload limit, and no further", async () => {
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const upload = (bytes: number) =>
      refuseHostileAction(action("--x--", { ...multipart, "content-length": String(bytes) }));
    expect(await upload(15 * 1024 * 1024)).toBeNull();
    expect(await upload(MAX_UPLOAD_ACTION_BODY_BYTES + 1)).toMatchObject({ status: 413 });
    // The 1 MB limit still holds for the JSON arguments of every other action.
    expect(
      await refuseHostileAction(action("[]", { "content-length": String(MAX_ACTION_BODY_BYTES + 1) })),
    ).toMatchObject({ status: 413 });
  });

  it("refuses a deeply nested body", async () => {
    const deep = "[".repeat(MAX_ACTION_NESTING + 1) + "]".repeat(MAX_ACTION_NESTING + 1);
    expect(await refuseHostileAction(action(deep))).toMatchObject({ status: 400 });
  });
  it("ignores requests that are not action calls", async () => {
    expect(
      await refuseHostileAction(new Request("http://app.test/", { method: "POST", body: "[".repeat(1000) })),
    ).toBeNull();
  });
});
