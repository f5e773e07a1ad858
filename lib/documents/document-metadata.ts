/** What a file says about itself; each field may be overridden by the importer. */
export interface FileMetadata {
  title?: string;
  author?: string;
  publication?: string;
  /** YYYY-MM-DD */
  publishedOn?: string;
}

/** Whether YYYY-MM-DD names a day that exists (Date.parse accepts 2024-02-30). */
export function isCalendarDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** A YYYY-MM-DD date from an ISO timestamp, a PDF date (D:20240305…) or a plain date, else undefined. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  const [, y, m = "01", d = "01"] = pdf ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) ?? [];
  if (!y) return undefined;
  const date = `${y}-${m}-${d}`;
  return isCalendarDate(date) ? date : undefined;
}

/** A metadata string made safe to store and show: one line, trimmed, bounded; empty becomes undefined. */
export function cleanField(value: unknown, max = 300): string | undefined {
  if (typeof value !== "string") return undefined;
  const clean = value
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC")
    .slice(0, max)
    .trim();
  return clean || undefined;
}
