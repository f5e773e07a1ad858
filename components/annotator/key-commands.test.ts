import { describe, expect, it } from "vitest";
import { commandForDraftKey, commandForKey, type KeyContext, keyBelongsToField } from "./key-commands";

const withClaim: KeyContext = {
  hasSelectedClaim: true,
  tagShortcuts: [
    { shortcut: "s", slug: "statistic" },
    { shortcut: "o", slug: "opinion" },
    { shortcut: "l", slug: "legal-fact" },
  ],
};
const noClaim: KeyContext = { ...withClaim, hasSelectedClaim: false };

describe("commandForKey", () => {
  it.each([
    ["j", { kind: "move", direction: 1 }],
    ["k", { kind: "move", direction: -1 }],
    ["?", { kind: "help" }],
    ["Escape", { kind: "dismiss" }],
    ["c", { kind: "create" }],
    ["u", { kind: "next-untagged" }],
  ])("%s works with no claim selected", (key, command) => {
    expect(commandForKey({ key }, noClaim)).toEqual(command);
  });

  it.each([
    ["s", { kind: "tag", tag: "statistic" }],
    ["l", { kind: "tag", tag: "legal-fact" }],
    ["1", { kind: "status", status: "proposed" }],
    ["3", { kind: "status", status: "disputed" }],
    ["[", { kind: "step", step: "start-earlier" }],
    ["{", { kind: "step", step: "start-later" }],
    ["]", { kind: "step", step: "end-later" }],
    ["}", { kind: "step", step: "end-earlier" }],
    ["r", { kind: "respan" }],
    ["x", { kind: "toggle-deleted" }],
    ["n", { kind: "note" }],
    ["Enter", { kind: "scroll-to-claim" }],
  ])("%s acts on the selected claim", (key, command) => {
    expect(commandForKey({ key }, withClaim)).toEqual(command);
    expect(commandForKey({ key }, noClaim)).toBeNull();
  });

  it("leaves keys to text fields and to shortcuts of the browser", () => {
    for (const key of ["j", "s", "?", "Escape", "Enter"]) {
      expect(commandForKey({ key, typing: true }, withClaim)).toBeNull();
      expect(commandForKey({ key, ctrlKey: true }, withClaim)).toBeNull();
      expect(commandForKey({ key, metaKey: true }, withClaim)).toBeNull();
      expect(commandForKey({ key, altKey: true }, withClaim)).toBeNull();
    }
  });

  it("lets Enter press a focused button", () => {
    expect(commandForKey({ key: "Enter", onButton: true }, withClaim)).toBeNull();
  });

  it("ignores keys with no meaning, including inherited property names", () => {
    for (const key of ["q", "5", "toString", "constructor", "Shift"])
      expect(commandForKey({ key }, withClaim)).toBeNull();
  });

  it("takes tag keys from the vocabulary an admin set", () => {
    const custom: KeyContext = { hasSelectedClaim: true, tagShortcuts: [{ shortcut: "q", slug: "quote" }] };
    expect(commandForKey({ key: "q" }, custom)).toEqual({ kind: "tag", tag: "quote" });
    expect(commandForKey({ key: "s" }, custom)).toBeNull();
  });
});

describe("suggestion keys", () => {
  it("act only while a suggestion waits", () => {
    expect(commandForKey({ key: "a" }, { ...noClaim, hasSuggestion: true })).toEqual({
      kind: "suggestion",
      decision: "accept",
    });
    expect(commandForKey({ key: "A" }, { ...noClaim, hasSuggestion: true })).toEqual({
      kind: "suggestion",
      decision: "accept-paragraph",
    });
    expect(commandForKey({ key: "a" }, noClaim)).toBeNull();
    expect(commandForKey({ key: "d" }, withClaim)).toBeNull();
  });
});

describe("commandForDraftKey", () => {
  it.each([
    [{ key: "ArrowRight" }, { kind: "word", step: "end-later" }],
    [{ key: "ArrowLeft" }, { kind: "word", step: "end-earlier" }],
    [
      { key: "ArrowLeft", shiftKey: true },
      { kind: "word", step: "start-earlier" },
    ],
    [
      { key: "ArrowRight", shiftKey: true },
      { kind: "word", step: "start-later" },
    ],
    [{ key: "]" }, { kind: "word", step: "end-later" }],
    [{ key: "ArrowDown" }, { kind: "sentence", step: "end-later" }],
    [{ key: ")" }, { kind: "sentence", step: "next" }],
    [{ key: "(" }, { kind: "sentence", step: "previous" }],
    [{ key: "Enter" }, { kind: "create" }],
    [{ key: "r" }, { kind: "respan" }],
    [{ key: "Escape" }, { kind: "cancel" }],
  ])("%o means %o", (press, command) => {
    expect(commandForDraftKey(press)).toEqual(command);
  });

  it("leaves other keys and modified keys alone", () => {
    expect(commandForDraftKey({ key: "s" })).toBeNull();
    expect(commandForDraftKey({ key: "ArrowRight", ctrlKey: true })).toBeNull();
  });
});

describe("keyBelongsToField", () => {
  it("gives text fields every key and a select only the keys that work it", () => {
    expect(keyBelongsToField({ tagName: "TEXTAREA" }, "s")).toBe(true);
    expect(keyBelongsToField({ tagName: "INPUT" }, "j")).toBe(true);
    expect(keyBelongsToField({ tagName: "SELECT" }, "s")).toBe(false);
    expect(keyBelongsToField({ tagName: "SELECT" }, "?")).toBe(false);
    expect(keyBelongsToField({ tagName: "SELECT" }, "ArrowDown")).toBe(true);
    expect(keyBelongsToField({ tagName: "BUTTON" }, "s")).toBe(false);
    expect(keyBelongsToField(null, "s")).toBe(false);
  });
});
