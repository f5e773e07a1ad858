import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLinkDetection } from "@/lib/db/claim-link-detection";
import { sha256Hex } from "@/lib/documents/hash";
import { createExportFixture, createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { annotationsOf, exportText } from "./export-helpers";

// The W3C suite is part of the contract (DESIGN.md: the tests read the schemas from ../shared).
// A byte-for-byte copy is vendored in tests/fixtures (with its W3C licence), so a clone that
// has no ../shared beside it still runs every assertion: the test fails, never skips, when
// no suite is found, because a skipped conformance test looks green. When ../shared is there,
// it is used, and a test below checks that the vendored copy has not drifted from it.
// W3C_ANNOTATION_TESTS points elsewhere if needed.
const SHARED_SUITE = path.join(process.cwd(), "..", "shared", "w3c-annotation-tests");
const VENDORED_SUITE = path.join(process.cwd(), "tests", "fixtures", "w3c-annotation-tests");
const SUITE = path.resolve(
  process.env.W3C_ANNOTATION_TESTS ?? (fs.existsSync(SHARED_SUITE) ? SHARED_SUITE : VENDORED_SUITE),
);
const MUSTS = path.join(SUITE, "annotations", "annotationMusts.test");

interface Assertion {
  file: string;
  validate: ValidateFunction;
  expectedResult: string;
}

/** Ajv (draft-04) with every definition and every MUST assertion registered by its own id, so their $refs resolve. */
function loadMustAssertions(): Assertion[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as { id: string; expectedResult?: string };
  const definitions = fs.readdirSync(path.join(SUITE, "definitions")).filter((f) => f.endsWith(".json"));
  for (const f of definitions) {
    const schema = read(path.join(SUITE, "definitions", f));
    ajv.addSchema(schema, schema.id);
  }
  const musts = (JSON.parse(fs.readFileSync(MUSTS, "utf8")) as { assertions: string[] }).assertions;
  const schemas = musts.map((file) => ({ file, schema: read(path.join(SUITE, file)) }));
  for (const { schema } of schemas) ajv.addSchema(schema, schema.id);
  return schemas.map(({ file, schema }) => ({
    file,
    validate: ajv.getSchema(schema.id)!,
    expectedResult: schema.expectedResult ?? "valid",
  }));
}

function checkAgainstMusts(assertions: Assertion[], annotations: Record<string, unknown>[]) {
  const failures: string[] = [];
  for (const annotation of annotations) {
    for (const a of assertions) {
      const valid = a.validate(annotation) as boolean;
      if (valid !== (a.expectedResult === "valid"))
        failures.push(`${annotation.id}: ${a.file} ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
    }
  }
  return failures;
}

/** The quote and context at the annotation's code-point offsets. */
function checkSelectors(annotation: Record<string, unknown>, textOf: (source: string) => string) {
  const target = annotation.target as { source: { id: string }; selector: Record<string, unknown>[] };
  const points = [...textOf(target.source.id)];
  const position = target.selector.find((s) => s.type === "TextPositionSelector") as { start: number; end: number };
  const quote = target.selector.find((s) => s.type === "TextQuoteSelector") as {
    exact: string;
    prefix: string;
    suffix: string;
  };
  expect(points.slice(position.start, position.end).join("")).toBe(quote.exact);
  expect(points.slice(0, position.start).join("").endsWith(quote.prefix)).toBe(true);
  expect(points.slice(position.end).join("").startsWith(quote.suffix)).toBe(true);
}

describe("W3C Web Annotation export", () => {
  let assertions: Assertion[];
  let t: TestDatabase;
  beforeAll(async () => {
    if (!fs.existsSync(MUSTS)) {
      throw new Error(
        `The W3C annotation test suite is missing: no ${MUSTS} (clone it beside the project, or set W3C_ANNOTATION_TESTS)`,
      );
    }
    assertions = loadMustAssertions();
    t = await createExportFixture();
  });
  afterAll(async () => {
    await t.close();
  });

  it("vendors the same suite as ../shared, file for file, when ../shared is there", () => {
    if (!fs.existsSync(SHARED_SUITE)) return; // a clone on its own: only the vendored copy exists
    const files = (root: string) =>
      (fs.readdirSync(root, { recursive: true }) as string[])
        .filter((f) => fs.statSync(path.join(root, f)).isFile())
        .sort();
    expect(files(VENDORED_SUITE)).toEqual(files(SHARED_SUITE));
    for (const f of files(SHARED_SUITE))
      expect(fs.readFileSync(path.join(VENDORED_SUITE, f)).equals(fs.readFileSync(path.join(SHARED_SUITE, f))), f).toBe(
        true,
      );
  });

  it("loads every MUST assertion of annotationMusts.test", () => {
    expect(assertions.length).toBeGreaterThanOrEqual(50);
  });

  it("fails an annotation that breaks a MUST (a control: the schemas really are applied)", async () => {
    const [good] = annotationsOf(
      JSON.parse(await exportText(t.db, "jsonld", { kind: "document", document: "000_6d95c5a6cc5760dd.txt" })),
    );
    expect(checkAgainstMusts(assertions, [good])).toEqual([]);
    const { target: _target, ...noTarget } = good;
    expect(checkAgainstMusts(assertions, [noTarget]).length).toBeGreaterThan(0);
    expect(checkAgainstMusts(assertions, [{ ...good, created: "yesterday" }]).length).toBeGreaterThan(0);
    expect(checkAgainstMusts(assertions, [{ ...good, "@context": "http://example.org/other" }]).length).toBeGreaterThan(
      0,
    );
  });

  it("exports every claim of the five documents as an annotation that passes every MUST assertion", async () => {
    const collection = JSON.parse(await exportText(t.db, "jsonld"));
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection" });
    const annotations = annotationsOf(collection);
    expect(annotations).toHaveLength(await t.db.claim.count({ where: { deletedAt: null } }));
    expect(collection.total).toBe(annotations.length);
    expect(checkAgainstMusts(assertions, annotations)).toEqual([]);
  });

  it("quotes each claim exactly at its code-point offsets, with tags as tagging bodies and notes as commenting bodies", async () => {
    const docs = await t.db.document.findMany({ select: { slug: true, text: true } });
    const textOf = (iri: string) => docs.find((d) => iri.endsWith(`/documents/${d.slug}/text`))!.text;
    const annotations = annotationsOf(JSON.parse(await exportText(t.db, "jsonld")));
    for (const a of annotations) checkSelectors(a, textOf);
    const bodies = annotations.flatMap((a) => a.body as Record<string, unknown>[]);
    expect(
      bodies.filter((b) => b.purpose === "tagging" && (b.creator as { type: string }).type === "Person"),
    ).toHaveLength(7);
    const notes = bodies.filter((b) => b.purpose === "commenting");
    expect(notes.map((n) => n.value)).toContain('=HYPERLINK("http://evil.example","click")');
    expect(notes).toHaveLength(5); // the deleted note is not exported, its reply is
    for (const n of notes)
      expect(n).toMatchObject({ type: "TextualBody", format: "text/markdown", creator: { type: "Person" } });
  });

  it("converts UTF-16 offsets to code points after characters outside the BMP", async () => {
    const u = await createTestDatabase();
    try {
      const text = "Emoji 😀 first. The rate rose 𝟓 % in 2024 — a claim.\n\nSecond 👩‍👩‍👧 paragraph claim.";
      const doc = await u.db.document.create({
        data: { fileName: "astral.txt", slug: "astral", title: "Astral", text, sha256: sha256Hex(text) },
      });
      for (const exact of ["The rate rose 𝟓 % in 2024", "paragraph claim"]) {
        const start = text.indexOf(exact);
        const end = start + exact.length;
        const paragraphEnd = text.indexOf("\n", end) === -1 ? text.length : text.indexOf("\n", end);
        await u.db.claim.create({
          data: {
            documentId: doc.id,
            start,
            end,
            exact,
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
            paragraphStart: text.lastIndexOf("\n", start) + 1,
            paragraphEnd,
            textHash: doc.sha256,
          },
        });
      }
      const annotations = annotationsOf(JSON.parse(await exportText(u.db, "jsonld")));
      expect(annotations).toHaveLength(2);
      const first = (annotations[0].target as { selector: { start: number }[] }).selector[0];
      expect(first.start).toBe(text.indexOf("The rate") - 1); // one surrogate pair before it
      for (const a of annotations) checkSelectors(a, () => text);
      expect(checkAgainstMusts(assertions, annotations)).toEqual([]);
    } finally {
      await u.close();
    }
  });

  it("exports each link between claims as an Annotation with motivation linking that passes every MUST", async () => {
    const u = await createExportFixture();
    try {
      await runLinkDetection(u.db, null);
      const annotations = annotationsOf(JSON.parse(await exportText(u.db, "jsonld")));
      const linking = annotations.filter((a) => a.motivation === "linking");
      expect(linking.length).toBeGreaterThanOrEqual(6);
      const ids = new Set(annotations.map((a) => a.id));
      for (const a of linking) for (const target of a.target as string[]) expect(ids.has(target), target).toBe(true);
      expect(checkAgainstMusts(assertions, linking)).toEqual([]);
    } finally {
      await u.close();
    }
  });
});
