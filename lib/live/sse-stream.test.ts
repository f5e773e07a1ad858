import { describe, expect, it } from "vitest";
import type { LiveConnection, LiveHub } from "./hub";
import { MAX_UNREAD_BYTES, openLiveStream } from "./sse-stream";

/** Just enough of a hub to hold one stream's connection. */
function fakeHub() {
  const joined: LiveConnection[] = [];
  const left: LiveConnection[] = [];
  const hub = {
    join: async (c: LiveConnection) => void joined.push(c),
    leave: (c: LiveConnection) => void left.push(c),
  } as unknown as LiveHub;
  return { hub, joined, left };
}

const viewer = { id: "u1", name: "Vera", role: "viewer" as const };

describe("a live stream", () => {
  it("refuses more once a client has left its bound unread, so the hub drops it", async () => {
    const { hub, joined } = fakeHub();
    let released = 0;
    openLiveStream(hub, { ok: true, release: () => released++ }, viewer, "d1", null, new AbortController().signal);
    await Promise.resolve();
    const connection = joined[0];
    const frame = `data: ${"x".repeat(1000)}\n\n`;
    let sent = 0;
    while (connection.send(frame)) sent += frame.length;
    expect(sent).toBeGreaterThan(MAX_UNREAD_BYTES - 2 * frame.length);
    expect(sent).toBeLessThanOrEqual(MAX_UNREAD_BYTES);
    connection.close();
    connection.close();
    expect(released).toBe(1);
    expect(connection.send(frame)).toBe(false);
  });

  it("ends and frees its slot when the page goes (the request is aborted)", async () => {
    const { hub, joined, left } = fakeHub();
    let released = 0;
    const abort = new AbortController();
    const stream = openLiveStream(hub, { ok: true, release: () => released++ }, viewer, "d1", 7, abort.signal);
    const reader = stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^retry: \d+\n\n$/);
    abort.abort();
    expect(released).toBe(1);
    expect(left).toEqual(joined);
    expect((await reader.read()).done).toBe(true);
  });
});
