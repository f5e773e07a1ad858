import type { DocumentMetadata } from "@/lib/db/documents";

/**
 * Author · outlet · date, or a plain statement that they are not recorded — never the file
 * name in their place (three of the shipped articles name no author or outlet, and none is
 * invented for them). The file name is shown apart, labelled as what it is.
 */
export function DocumentByline({ doc, showFile = true }: { doc: DocumentMetadata; showFile?: boolean }) {
  const byline = [doc.author, doc.publication, doc.publishedOn].filter(Boolean).join(" · ");
  return (
    <p className="meta">
      {byline ? (
        <span className="byline">{byline}</span>
      ) : (
        <span className="byline-missing">Author and outlet not recorded</span>
      )}
      {showFile ? (
        <span className="file-name">
          <span className="visually-hidden">File: </span>
          {doc.fileName}
        </span>
      ) : null}
    </p>
  );
}
