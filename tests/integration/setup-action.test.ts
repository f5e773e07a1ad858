import { describe, expect, it } from "vitest";
import { createFirstAdminAction } from "@/app/setup/actions";

describe("the setup action", () => {
  it("answers a call without form data with a message, not an exception", async () => {
    for (const notAForm of [undefined, null, "text", { name: "x" }, [1, 2]]) {
      await expect(createFirstAdminAction({ ok: false } as never, notAForm as never)).resolves.toMatchObject({
        ok: false,
      });
    }
  });
});
