/**
 * Plain-text paragraphs from an HTML element tree (a linkedom DOM): each block element
 * (paragraph, heading, list item, table row, …) becomes a paragraph, `<br>` a line break
 * inside one, and runs of HTML whitespace a single space, except inside `<pre>`. Scripts,
 * styles, forms and embedded media are skipped: their text is never content.
 */

const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
  "CAPTION",
]);
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "CANVAS",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "INPUT",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
]);
/** Cells of one row stay on one paragraph, separated by a tab-like gap. */
const CELLS = new Set(["TD", "TH"]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function htmlParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = "";
  const flush = () => {
    const paragraph = buffer
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join("\n");
    if (paragraph) paragraphs.push(paragraph);
    buffer = "";
  };
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? "";
      buffer += pre ? value : value.replace(/[ \t\n\r\f]+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === "BR") {
      buffer += "\n";
      return;
    }
    if (CELLS.has(name)) {
      if (buffer.trim() !== "") buffer += "  ";
    } else if (BLOCKS.has(name)) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i], pre || name === "PRE");
    if (BLOCKS.has(name) && !CELLS.has(name)) flush();
  };
  walk(root, false);
  flush();
  return paragraphs;
}
