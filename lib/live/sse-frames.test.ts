import { describe, expect, it } from "vitest";
import { changeFrame, parseEventId, reloadFrame } from "./sse-frames";

describe("SSE frames", () => {
  it("frames a change with its seq as the id, on one data line, ended by a blank line", () => {
    const frame = changeFrame({
      seq: 42,
      documentId: "d1",
      kind: "claim.tags",
      entityId: "c1",
      claimId: "c1",
      version: 3,
      actorId: "u1",
      actorName: "Rob",
    });
    expect(frame).toBe(
      'id: 42\nevent: change\ndata: {"kind":"claim.tags","entityId":"c1","claimId":"c1","version":3,"actorId":"u1","actorName":"Rob"}\n\n',
    );
    // The document id is the subscription itself: not repeated in every frame.
    expect(frame).not.toContain("d1");
  });

  it("a reload frame moves the id forward", () => {
    expect(reloadFrame(7, "too-old")).toMatch(/^id: 7\nevent: reload\n/);
  });

  it("reads only plain non-negative integers as event ids", () => {
    expect(parseEventId("12")).toBe(12);
    expect(parseEventId(" 0 ")).toBe(0);
    for (const bad of [null, undefined, "", "-1", "1e3", "abc", "1.5", "9".repeat(16)])
      expect(parseEventId(bad)).toBe(null);
  });
});
