import { describe, expect, it } from "vitest";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { ConflictError, ForbiddenError, NotFoundError, WriteError } from "@/lib/db/errors";
import type { UserSummary } from "@/lib/db/users";
import { setStatusSchema } from "@/lib/validation/claim";

const as = (role: UserSummary["role"] | null) => async () =>
  role ? { id: "u1", email: "u@example.test", name: "U", role, active: true } : null;
const input = { claimId: "c1", version: 3, status: "accepted" };
const ok = async () => "written";

describe("guardedWrite", () => {
  it("names the field of invalid input and never reaches the write", async () => {
    let called = false;
    const result = await guardedWrite(
      setStatusSchema,
      { ...input, status: "maybe" },
      "reviewer",
      async () => {
        called = true;
        return "x";
      },
      as("admin"),
    );
    expect(result).toMatchObject({ ok: false, field: "status" });
    expect(result.ok === false && result.error).toMatch(
      /^status: Status must be one of: proposed, accepted, disputed, rejected\.$/,
    );
    expect((await guardedWrite(setStatusSchema, { ...input, version: "3" }, "reviewer", ok, as("admin"))).ok).toBe(
      false,
    );
    expect((await guardedWrite(setStatusSchema, null, "reviewer", ok, as("admin"))).ok).toBe(false);
    expect(called).toBe(false);
  });

  it.each([
    [null, "reviewer", false, /session has ended/],
    ["viewer", "reviewer", false, /can read but not change/],
    ["reviewer", "reviewer", true, null],
    ["admin", "reviewer", true, null],
    ["reviewer", "admin", false, /Only an admin/],
    ["viewer", "viewer", true, null],
    ["reviewer", "curator", false, /Only a curator/],
    ["curator", "curator", true, null],
    ["curator", "reviewer", true, null],
    ["curator", "admin", false, /Only an admin/],
    ["admin", "curator", true, null],
  ] as const)("as %s, a write needing %s is allowed: %s", async (role, needed, allowed, message) => {
    const result = await guardedWrite(setStatusSchema, input, needed, ok, as(role));
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error).toMatch(message!);
  });

  it("turns refusals into messages and conflicts into the newer state", async () => {
    const refused = await guardedWrite(
      setStatusSchema,
      input,
      "reviewer",
      async () => {
        throw new WriteError("No.", "claimId");
      },
      as("reviewer"),
    );
    expect(refused).toEqual({ ok: false, code: "refused", error: "No.", field: "claimId" });
    const conflict = await guardedWrite(
      setStatusSchema,
      input,
      "reviewer",
      async () => {
        throw new ConflictError("Changed.", { version: 4 });
      },
      as("reviewer"),
    );
    expect(conflict).toEqual({ ok: false, code: "conflict", error: "Changed.", conflict: { version: 4 } });
    for (const [error, code] of [
      [new NotFoundError("Gone."), "not-found"],
      [new ForbiddenError("Not yours."), "forbidden"],
    ] as const) {
      const result = await guardedWrite(
        setStatusSchema,
        input,
        "reviewer",
        async () => {
          throw error;
        },
        as("reviewer"),
      );
      expect(result).toMatchObject({ ok: false, code, error: error.message });
    }
    await expect(
      guardedWrite(
        setStatusSchema,
        input,
        "reviewer",
        async () => {
          throw new Error("disk on fire");
        },
        as("reviewer"),
      ),
    ).rejects.toThrow("disk on fire");
  });
});
