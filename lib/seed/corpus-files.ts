import fs from "node:fs";
import path from "node:path";
import { type CuratedClaimFile, curatedClaimFileSchema } from "../validation/curated-claims";
import { describeFirstIssue } from "../validation/first-issue";

/** Where the shipped corpus lives: data, not code. */
export const SEED_DIR = path.join("prisma", "seed");

export interface CorpusEntry {
  fileName: string;
  text: string;
  curated: CuratedClaimFile;
  claimsPath: string;
}

export function documentsDir(seedDir = SEED_DIR): string {
  return path.join(seedDir, "documents");
}

export function claimsPath(fileName: string, seedDir = SEED_DIR): string {
  return path.join(seedDir, "claims", fileName.replace(/\.txt$/, ".json"));
}

export function listDocumentFiles(seedDir = SEED_DIR): string[] {
  return fs
    .readdirSync(documentsDir(seedDir))
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

/** Reads every document and its curated claims; a malformed claims file fails naming the file and field. */
export function readCorpus(seedDir = SEED_DIR): CorpusEntry[] {
  return listDocumentFiles(seedDir).map((fileName) => {
    const text = fs.readFileSync(path.join(documentsDir(seedDir), fileName), "utf8");
    const file = claimsPath(fileName, seedDir);
    if (!fs.existsSync(file)) throw new Error(`${fileName}: no curated claims file at ${file}`);
    const parsed = curatedClaimFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: ${describeFirstIssue(parsed.error)}`);
    if (parsed.data.document !== fileName) {
      throw new Error(`${file}: names document "${parsed.data.document}", expected "${fileName}"`);
    }
    return { fileName, text, curated: parsed.data, claimsPath: file };
  });
}
