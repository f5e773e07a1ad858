import { describe, expect, it } from "vitest";
import { readGolden, SCHEMA_FILE, schemaText } from "./golden-files";

describe("the documented JSON export schema", () => {
  it(`${SCHEMA_FILE} is generated from the import's zod schema (npm run test:update-golden to regenerate)`, () => {
    expect(readGolden(SCHEMA_FILE)).toBe(schemaText());
  });
});
