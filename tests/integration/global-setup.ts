import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildTemplates } from "./helpers/template-databases";

/** Builds the template databases once per run; the test files copy them (helpers/test-database.ts). */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-templates-"));
  project.provide("templateDatabases", await buildTemplates(dir));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
