import type { Span } from "@/lib/anchoring/types";

/**
 * The document offset of a DOM boundary inside the rendered text. Each paragraph
 * element carries its start offset; the text inside it is the document's text
 * unchanged (badges are CSS pseudo-elements, not text), so counting characters
 * from the paragraph's start gives the offset.
 */
function offsetOf(node: Node, offset: number): { paragraph: HTMLElement; offset: number } | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph) return null;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return { paragraph, offset: Number(paragraph.dataset.start) + range.toString().length };
}

export type SelectionSpan = { span: Span } | { error: string } | null;

/** The current browser selection as a span of the document, an error to show, or null when nothing is selected. */
export function selectionToSpan(root: HTMLElement): SelectionSpan {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (!start || !end) return { error: "Select text inside the document." };
  if (start.paragraph !== end.paragraph)
    return { error: "A claim cannot cross paragraphs: select text within one paragraph." };
  return { span: { start: start.offset, end: end.offset } };
}
