// `npm run test:update-golden`: rewrites every golden file from the current code. The
// tests never write them, so a missing or changed file always fails until someone runs
// this and reviews the diff (git diff tests/integration/export/golden lib/export/*.schema.json).
import fs from "node:fs";
import path from "node:path";
import { createExportFixture } from "../helpers/test-database";
import { exportBuffer } from "./export-helpers";
import { EXPORT_GOLDEN, GOLDEN_DIR, PDF_GOLDEN, pdfText, SCHEMA_FILE, schemaText } from "./golden-files";

const write = (file: string, text: string) => {
  const changed = !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text;
  fs.writeFileSync(file, text);
  console.log(`${changed ? "updated  " : "unchanged"} ${file}`);
};

const t = await createExportFixture();
try {
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const [format, name] of EXPORT_GOLDEN)
    write(path.join(GOLDEN_DIR, name), (await exportBuffer(t.db, format)).toString("utf8"));
  write(path.join(GOLDEN_DIR, PDF_GOLDEN), await pdfText(t.db));
  write(SCHEMA_FILE, schemaText());
} finally {
  await t.close();
}
