import { createHash } from "node:crypto";

/** sha256 of a document's text (UTF-8), hex: identifies the exact text claims were anchored on. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
