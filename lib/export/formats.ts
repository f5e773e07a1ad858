/** The export formats, their file extensions and media types. */
export const EXPORT_FORMATS = ["md", "html", "pdf", "csv", "csv-notes", "json", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ExportFormat, { label: string; extension: string; mediaType: string; hint: string }> =
  {
    md: {
      label: "Markdown report",
      extension: "md",
      mediaType: "text/markdown; charset=utf-8",
      hint: "For editors and wikis",
    },
    html: {
      label: "HTML report",
      extension: "html",
      mediaType: "text/html; charset=utf-8",
      hint: "One standalone page, prints well",
    },
    pdf: {
      label: "PDF report",
      extension: "pdf",
      mediaType: "application/pdf",
      hint: "The same report, ready to send",
    },
    csv: {
      label: "CSV: claims",
      extension: "csv",
      mediaType: "text/csv; charset=utf-8; header=present",
      hint: "One row per claim, for spreadsheets",
    },
    "csv-notes": {
      label: "CSV: notes",
      extension: "csv",
      mediaType: "text/csv; charset=utf-8; header=present",
      hint: "One row per note",
    },
    json: {
      label: "JSON (re-importable)",
      extension: "json",
      mediaType: "application/json; charset=utf-8",
      hint: "Claimbook's own versioned format",
    },
    jsonld: {
      label: "W3C Web Annotation",
      extension: "jsonld",
      mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      hint: "JSON-LD for annotation tools",
    },
  };

/** e.g. claimbook-001-ices-local-partnerships-2026-11-23.md, claimbook-corpus-2026-11-23-notes.csv */
export function exportFileName(fileStem: string, format: ExportFormat, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const safeStem = fileStem.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80);
  const suffix = format === "csv-notes" ? "-notes" : "";
  return `claimbook-${safeStem}-${day}${suffix}.${FORMAT_INFO[format].extension}`;
}
