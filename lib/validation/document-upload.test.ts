import { describe, expect, it } from "vitest";
import { documentUploadSchema, uploadFromForm } from "./document-upload";

describe("documentUploadSchema", () => {
  it("takes an empty file input (named '' or 'blob') as no file, so pasted text alone passes", () => {
    for (const name of ["", "blob"]) {
      const r = documentUploadSchema.safeParse({ file: new File([], name), text: "Pasted text" });
      expect(r.success && r.data.file).toBe(undefined);
    }
  });

  it("keeps a chosen 0-byte file (refused later as empty) and refuses file plus text, or neither", () => {
    expect(documentUploadSchema.parse({ file: new File([], "empty.txt") }).file?.name).toBe("empty.txt");
    expect(documentUploadSchema.safeParse({ file: new File(["x"], "a.txt"), text: "also text" }).success).toBe(false);
    expect(documentUploadSchema.safeParse({ text: "   " }).error?.issues[0].message).toBe(
      "Choose a file or paste text (not both).",
    );
  });

  it("checks the metadata fields and reads only known form fields", () => {
    const form = new FormData();
    form.set("text", "t");
    form.set("date", "2024-02-30");
    form.set("__proto__", "x");
    const parsed = documentUploadSchema.safeParse(uploadFromForm(form));
    expect(parsed.error?.issues[0].path).toEqual(["date"]);
    expect(Object.keys(uploadFromForm(form))).not.toContain("__proto__");
  });
});
