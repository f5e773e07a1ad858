import "server-only";
import type { LiveViewer } from "./authorize";
import type { Admission, LiveConnection, LiveHub } from "./hub";

/**
 * How much may wait unread for one client. A page that stops reading (a suspended tab, a
 * stalled network) fills this and is dropped: its EventSource reconnects with its
 * Last-Event-ID and catches up, instead of the server buffering without end.
 */
export const MAX_UNREAD_BYTES = 256 * 1024;

/** How long a page waits before reconnecting after the stream ends. */
export const RETRY_MS = 3000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // What SSE needs (no-cache, no-transform), plus the app's rule for every signed-in answer:
  // private and never stored by a proxy (a stream is one user's).
  "Cache-Control": "private, no-cache, no-store, no-transform",
  // nginx would otherwise buffer the stream and deliver events in lumps.
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

const encoder = new TextEncoder();

/** A byte stream of one page's events; ends when the page goes, the hub drops it, or the server closes. */
export function openLiveStream(
  hub: LiveHub,
  admission: Extract<Admission, { ok: true }>,
  viewer: LiveViewer,
  documentId: string,
  after: number | null,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let closed = false;
  let connection: LiveConnection;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const end = () => {
          if (closed) return;
          closed = true;
          hub.leave(connection);
          admission.release();
          signal.removeEventListener("abort", end);
          try {
            controller.close();
          } catch {
            // Already closed or errored by the reader going away.
          }
        };
        connection = {
          viewer,
          documentId,
          send(frame) {
            if (closed) return false;
            controller.enqueue(encoder.encode(frame));
            return (controller.desiredSize ?? 0) > 0;
          },
          close: end,
        };
        signal.addEventListener("abort", end);
        if (signal.aborted) return end();
        connection.send(`retry: ${RETRY_MS}\n\n`);
        hub.join(connection, after).catch(end);
      },
      cancel() {
        connection?.close();
      },
    },
    { highWaterMark: MAX_UNREAD_BYTES, size: (chunk) => chunk.byteLength },
  );
}
