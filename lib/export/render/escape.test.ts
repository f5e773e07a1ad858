import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html";
import { escapeMarkdown } from "./markdown";

describe("escapeMarkdown", () => {
  it("shows markup characters as written", () => {
    expect(escapeMarkdown("*bold* _it_ `code` [link](x) <b> a|b ~s~")).toBe(
      "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~s\\~",
    );
  });

  it("escapes what would start a heading or list only at the start of a line", () => {
    expect(escapeMarkdown("# not a heading\n- not a list\n1. not numbered\nthe 287(g) program - fine")).toBe(
      "\\# not a heading\n\\- not a list\n1\\. not numbered\nthe 287(g) program - fine",
    );
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });
});
