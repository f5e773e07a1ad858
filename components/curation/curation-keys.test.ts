import { describe, expect, it } from "vitest";
import { curationCommand } from "./curation-keys";

const shortcuts = new Map([
  ["s", "statistic"],
  ["o", "opinion"],
  ["l", "legal-fact"],
]);
const press = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean } = {}, inText = false) =>
  curationCommand({ key, ...mods }, inText, shortcuts);

describe("curationCommand", () => {
  it("walks the disagreements and accepts a reviewer's tags by number", () => {
    expect(press("j")).toEqual({ kind: "next" });
    expect(press("k")).toEqual({ kind: "previous" });
    expect(press("n")).toEqual({ kind: "next-undecided" });
    expect(press("1")).toEqual({ kind: "accept", reviewer: 0 });
    expect(press("2")).toEqual({ kind: "accept", reviewer: 1 });
    expect(press("0")).toBeNull();
  });

  it("toggles a tag by its own shortcut, and goes to the reason with r", () => {
    expect(press("s")).toEqual({ kind: "toggle-tag", slug: "statistic" });
    expect(press("L")).toEqual({ kind: "toggle-tag", slug: "legal-fact" });
    expect(press("r")).toEqual({ kind: "focus-reason" });
    expect(press("x")).toBeNull();
  });

  it("leaves typing in the reason alone except Ctrl/⌘+Enter, which saves", () => {
    expect(press("s", {}, true)).toBeNull();
    expect(press("Enter", {}, true)).toBeNull();
    expect(press("Enter", { ctrlKey: true }, true)).toEqual({ kind: "save" });
    expect(press("Enter", { metaKey: true }, false)).toEqual({ kind: "save" });
    expect(press("Enter")).toEqual({ kind: "save" });
    expect(press("j", { ctrlKey: true })).toBeNull();
  });
});
