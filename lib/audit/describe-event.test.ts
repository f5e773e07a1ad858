import { describe, expect, it } from "vitest";
import { changesBetween, describeAuditEvent } from "./describe-event";

const labels = new Map([["legal-fact", "legal fact"]]);

describe("describeAuditEvent", () => {
  it("says what a tag event did, with the tag's label and no reviewer id", () => {
    const d = describeAuditEvent({
      action: "tag.add",
      before: null,
      after: { tag: "legal-fact", reviewerId: "cmwzo123" },
      tagLabels: labels,
    });
    expect(d).toEqual({ verb: "tagged", object: null, detail: "as legal fact", changes: [] });
    expect(describeAuditEvent({ action: "tag.remove", before: null, after: { tag: "opinion" } }).verb).toBe(
      "removed the tag opinion from",
    );
  });

  it("puts a status or passage change as before → after in words", () => {
    expect(
      describeAuditEvent({ action: "claim.set-status", before: { status: "proposed" }, after: { status: "accepted" } }),
    ).toMatchObject({
      verb: "changed the status of",
      changes: [{ label: "status", before: "proposed", after: "accepted" }],
    });
    const moved = describeAuditEvent({
      action: "claim.adjust-span",
      before: { start: 0, end: 9, exact: "Ships wait", status: "proposed", deleted: false },
      after: { start: 0, end: 15, exact: "Ships wait outside", status: "proposed", deleted: false },
    });
    expect(moved.changes).toEqual([{ label: "passage", before: "“Ships wait”", after: "“Ships wait outside”" }]);
  });

  it("puts a statement written for a claim in words", () => {
    const d = describeAuditEvent({
      action: "claim.describe",
      before: { statement: null, kind: null },
      after: { statement: "The program began in 1996.", kind: "factual" },
    });
    expect(d.verb).toBe("wrote the statement of");
    expect(d.changes.map((c) => c.label)).toEqual(["statement", "kind"]);
    expect(d.changes[1]).toMatchObject({ before: "none", after: "factual" });
  });

  it("puts decisions on suggested claims in words", () => {
    const before = { status: "pending", exact: "It rose 15 percent.", tag: "statistic" };
    expect(describeAuditEvent({ action: "suggestion.accept", before, after: { status: "accepted" } }).verb).toBe(
      "accepted the suggested claim",
    );
    expect(describeAuditEvent({ action: "suggestion.reject", before, after: { status: "rejected" } })).toMatchObject({
      verb: "rejected the suggested claim",
      changes: [],
    });
  });

  it("names the account of a user event and says yes/no for active", () => {
    const d = describeAuditEvent({
      action: "user.update-access",
      before: { id: "u1", role: "reviewer", active: true, sessionVersion: 1 },
      after: { id: "u1", role: "admin", active: false, sessionVersion: 2 },
      subjectName: "Rui Reviewer",
    });
    expect(d).toEqual({
      verb: "changed the access of",
      object: "Rui Reviewer",
      detail: null,
      changes: [
        { label: "role", before: "reviewer", after: "admin" },
        { label: "active", before: "yes", after: "no" },
      ],
    });
  });

  it("quotes notes, clipped, and falls back to the action name for an unknown event", () => {
    const body = `${"word ".repeat(60)}end`;
    const note = describeAuditEvent({ action: "note.add", before: null, after: { body, parentId: "n1" } });
    expect(note.verb).toBe("replied to a note on");
    expect(note.changes[0].after.length).toBeLessThanOrEqual(142);
    expect(note.changes[0].after.endsWith("…”")).toBe(true);
    expect(describeAuditEvent({ action: "future.thing", before: null, after: null }).verb).toBe("future.thing");
  });

  it("lists only fields the change carries", () => {
    expect(changesBetween({ title: "A", author: "X" }, { title: "B" })).toEqual([
      { label: "title", before: "“A”", after: "“B”" },
    ]);
  });
});
