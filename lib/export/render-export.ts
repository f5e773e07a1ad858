import type { ExportFormat } from "./formats";
import { renderClaimsCsv, renderNotesCsv } from "./render/csv";
import { renderHtml } from "./render/html";
import { renderJson } from "./render/json";
import { renderJsonLd } from "./render/jsonld";
import { renderMarkdown } from "./render/markdown";
import { renderPdf } from "./render/pdf";
import { beginExportRead, type ExportSource } from "./source";

export type ExportChunks = AsyncGenerator<string | Uint8Array>;

const RENDERERS: Record<ExportFormat, (source: ExportSource) => ExportChunks> = {
  md: renderMarkdown,
  html: renderHtml,
  pdf: renderPdf,
  csv: renderClaimsCsv,
  "csv-notes": renderNotesCsv,
  json: renderJson,
  jsonld: renderJsonLd,
};

/**
 * The export as a stream of chunks; nothing is read from the database until it is pulled.
 * All its claims are read in one read transaction (one snapshot), ended when the stream
 * finishes, fails or is cancelled.
 */
export async function* renderExport(format: ExportFormat, source: ExportSource): ExportChunks {
  const read = await beginExportRead(source);
  try {
    yield* RENDERERS[format](source);
  } finally {
    await read.close();
  }
}

/** A pull-driven web stream for route handlers: the next chunk is rendered only when the client reads. */
export function toWebStream(chunks: ExportChunks): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The whole export as one string (tests and small exports). */
export async function renderToBuffer(format: ExportFormat, source: ExportSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of renderExport(format, source))
    parts.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(parts);
}
