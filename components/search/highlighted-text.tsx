import { Fragment } from "react";
import type { Segment } from "@/lib/search/types";

/** Text with the matched words in <mark>; every segment is escaped by React. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one snippet never reorder
          <mark key={i} className="search-match">
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one snippet never reorder
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
