/**
 * The document offset of the character under a viewport point, or null when the point is
 * not over the document's text. The highlights are not elements, so a click is resolved
 * through the caret position (caretPositionFromPoint, or WebKit's caretRangeFromPoint),
 * then checked against the character's own box: the caret API answers the nearest caret
 * even for a point in the margin or past the end of a line.
 */
export function offsetAtPoint(x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !(caret.node instanceof Text)) return null;
  const paragraph = caret.node.parentElement;
  if (!paragraph?.matches(".document-text p[data-start]")) return null;
  const start = Number(paragraph.dataset.start);
  // The caret sits between two characters: the one before or the one after is under the point.
  for (const at of [caret.offset, caret.offset - 1]) {
    if (at < 0 || at >= caret.node.length) continue;
    const range = document.createRange();
    range.setStart(caret.node, at);
    range.setEnd(caret.node, at + 1);
    for (const rect of range.getClientRects())
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return start + at;
  }
  return null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (document as { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(document, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
