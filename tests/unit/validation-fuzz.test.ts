import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostilePayload, prototypeIsPolluted } from "./helpers/hostile-payloads";

// Every zod schema exported from lib/validation/, found by module so a new schema is fuzzed without editing this file.
const modules = import.meta.glob<Record<string, unknown>>(["../../lib/validation/*.ts", "!../../lib/validation/*.test.ts"], { eager: true });
const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => [`${file.split("/").pop()} ${name}`, schema] as const),
);

const isObjectPayload = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
// Schemas of whole payloads (objects) must name the field; schemas of one field (an email, a name) have none to name.
const readsObjects = (schema: z.ZodType) => ["object", "intersection"].includes(schema.def.type);

describe("every zod schema under hostile input", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(15);
  });

  it.each(schemas)("%s: safeParse never throws, and a refused payload object names the field", (_name, schema) => {
    fc.assert(
      fc.property(hostilePayload, (payload) => {
        const result = schema.safeParse(payload);
        expect(prototypeIsPolluted()).toBe(false);
        if (result.success) return;
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          if (readsObjects(schema) && isObjectPayload(payload)) expect(issue.path.length, `issue without a field: ${issue.message}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
