/**
 * Paragraphs rebuilt from a PDF's text lines. A PDF has no paragraphs, only positioned
 * runs of text; pdf.js marks where a line ends. Lines are grouped into one paragraph
 * while the vertical step to the next line stays near the page's usual line spacing;
 * a clearly larger step (a blank line, a heading's space) starts a new paragraph.
 * Pure: takes what pdf.js returns, so it is tested without a PDF.
 */

export interface PdfLine {
  text: string;
  /** Baseline height from the page's bottom, in PDF units. */
  y: number;
  /** Font size of the line. */
  size: number;
}

/** A step this much larger than the page's usual one ends a paragraph. */
const PARAGRAPH_STEP = 1.35;

export interface PdfTextItem {
  str?: string;
  transform?: number[];
  height?: number;
  hasEOL?: boolean;
}

/** Lines of one page from pdf.js text items (items with `hasEOL` end a line). */
export function pageLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = "";
  let y: number | null = null;
  let size = 0;
  const end = () => {
    if (text.trim() !== "" && y !== null) lines.push({ text: text.replace(/\s+/g, " ").trim(), y, size });
    text = "";
    y = null;
    size = 0;
  };
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const itemY = item.transform?.[5] ?? 0;
    // A run on another baseline without an EOL marker before it still starts a new line.
    if (y !== null && item.str.trim() !== "" && Math.abs(itemY - y) > Math.max(size, 1) * 0.6) end();
    if (item.str.trim() !== "") {
      if (y === null) y = itemY;
      size = Math.max(size, Math.abs(item.height ?? item.transform?.[3] ?? 0));
    }
    text += item.str;
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** Paragraphs of a page's lines. */
export function linesToParagraphs(lines: PdfLine[]): string[] {
  const steps = lines
    .slice(1)
    .map((line, i) => lines[i].y - line.y)
    .filter((s) => s > 0);
  const usual = usualLineStep(steps, median(lines.map((l) => l.size)));
  const paragraphs: string[] = [];
  let current = "";
  lines.forEach((line, i) => {
    const step = i === 0 ? 0 : lines[i - 1].y - line.y;
    const breaks = i > 0 && (step <= 0 || step > Math.max(usual, line.size) * PARAGRAPH_STEP);
    if (breaks && current) {
      paragraphs.push(current);
      current = "";
    }
    current = joinLine(current, line.text);
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** A line joined to the paragraph so far: a space between, none after a hyphen (the hyphen is kept). */
function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  return /[-\u2010\u2011]$/.test(paragraph) && /^\p{Ll}/u.test(line) ? paragraph + line : `${paragraph} ${line}`;
}

/** Most lines of a paragraph are this many font sizes apart at most, unless the page is regularly spaced wider. */
const MAX_LINE_PITCH = 1.45;

/**
 * The page's usual step from one line to the next within a paragraph. The lower quartile,
 * not the median: on a page of short paragraphs, paragraph gaps can be half the steps. A
 * wide quartile counts only when most steps share it (a double-spaced page); otherwise it
 * is capped near the font's line height, so one-line paragraphs still split.
 */
function usualLineStep(steps: number[], size: number): number {
  if (steps.length === 0) return 0;
  const sorted = [...steps].sort((a, b) => a - b);
  const quartile = sorted[Math.floor((sorted.length - 1) / 4)];
  // Needs several steps to call a spacing regular: two one-line paragraphs give one step, a gap.
  const regular =
    sorted.length >= 3 && sorted.filter((s) => Math.abs(s - quartile) <= quartile * 0.1).length / sorted.length >= 0.6;
  return regular || size === 0 ? quartile : Math.min(quartile, MAX_LINE_PITCH * size);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Whether a page's last paragraph runs on to the next page (it does not end a sentence). */
export function runsOn(paragraph: string): boolean {
  return !/[.!?:;"”’)\]]$/.test(paragraph);
}
