import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the markdown reviewers write", () => {
    const html = renderMarkdown("**Source?** See [ICE report](https://www.ice.gov/doc).\n\n- one\n- two");
    expect(html).toContain("<strong>Source?</strong>");
    expect(html).toContain('<a href="https://www.ice.gov/doc"');
    expect(html).toContain("<li>one</li>");
  });

  it.each([
    ["<script>alert(1)</script>", /<script/i],
    ['<img src=x onerror="alert(1)">', /onerror|<img/i],
    ["[click](javascript:alert(1))", /javascript:/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ["[x](data:text/html;base64,PHNjcmlwdD4=)", /data:/i],
    ['<p style="position:fixed">x</p>', /style=/i],
    ["<iframe src=https://evil.test></iframe>", /<iframe/i],
  ])("renders %s inert", (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it("keeps links from opening with access to the page", () => {
    expect(renderMarkdown("[a](https://example.org)")).toContain('rel="noopener noreferrer nofollow"');
  });
});
