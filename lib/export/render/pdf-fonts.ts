import fs from "node:fs";
import path from "node:path";

/**
 * DejaVu (from the dejavu-fonts-ttf package) is embedded rather than PDF's standard fonts,
 * which only cover Windows-1252: the corpus has narrow no-break spaces and non-breaking
 * hyphens, and any reviewer's note may hold any character.
 */
export const PDF_FONTS = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
} as const;

export type PdfFont = keyof typeof PDF_FONTS;

/** The fonts' directory; npm scripts, `next start` and the tests all run from the project root. */
export function pdfFontPath(font: PdfFont): string {
  const file = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", PDF_FONTS[font]);
  if (!fs.existsSync(file)) throw new Error(`PDF font missing: ${file} (run npm ci from the project root)`);
  return file;
}
