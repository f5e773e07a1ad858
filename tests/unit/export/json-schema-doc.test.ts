import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { exportFileJsonSchema } from "@/lib/export/export-file-schema";

const FILE = "lib/export/claimbook-export-v1.schema.json";

describe("the documented JSON export schema", () => {
  it(`${FILE} is generated from the import's zod schema (UPDATE_GOLDEN=1 to regenerate)`, () => {
    const expected = `${JSON.stringify(exportFileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1" || !fs.existsSync(FILE)) fs.writeFileSync(FILE, expected);
    expect(fs.readFileSync(FILE, "utf8")).toBe(expected);
  });
});
