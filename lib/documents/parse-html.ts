import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeTextFile } from "./decode-text";
import { cleanField, type FileMetadata, isoDate } from "./document-metadata";
import { htmlParagraphs } from "./html-paragraphs";

export interface ParsedContent {
  paragraphs: string[];
  metadata: FileMetadata;
}

/** Page furniture dropped when Readability finds no article and the whole body is used. */
const FURNITURE = "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo]";

/**
 * The main content of an HTML page as plain paragraphs. Readability picks the article
 * (dropping navigation, sidebars, scripts and styles); links become their text, so a
 * `javascript:` URL is never kept. Nothing in the page runs: linkedom has no script engine.
 */
export function parseHtml(bytes: Uint8Array): ParsedContent {
  const html = decodeTextFile(bytes);
  const metadata = readHtmlMetadata(html);
  const document = htmlDocument(html);
  // Readability rewrites the DOM it is given, so metadata comes from a separate parse.
  const article = readArticle(document);
  let paragraphs: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    paragraphs = htmlParagraphs(content.body as never);
    metadata.title ??= cleanField(article.title);
    metadata.author ??= cleanField(article.byline);
    metadata.publication ??= cleanField(article.siteName);
    metadata.publishedOn ??= isoDate(article.publishedTime);
  }
  if (paragraphs.length === 0) {
    const whole = htmlDocument(html);
    for (const el of whole.querySelectorAll(FURNITURE)) el.remove();
    paragraphs = whole.body ? htmlParagraphs(whole.body as never) : [];
  }
  return { paragraphs, metadata };
}

/** Readability's article, or null when it finds none (or gives up on a malformed tree). */
function readArticle(document: ReturnType<typeof htmlDocument>) {
  try {
    return new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
}

/**
 * A linkedom document that surely has an <html> and a <body>: given a fragment or plain
 * text, linkedom builds a document without them, which Readability refuses.
 */
function htmlDocument(html: string) {
  const { document } = parseHTML(html);
  if (document.documentElement && document.body) return document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

function readHtmlMetadata(html: string): FileMetadata {
  const document = htmlDocument(html);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const el = document.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
      const value = cleanField(el?.getAttribute("content"));
      if (value) return value;
    }
    return undefined;
  };
  return {
    title: meta("og:title", "citation_title", "dc.title") ?? cleanField(document.querySelector("title")?.textContent),
    author: meta("author", "citation_author", "dc.creator", "article:author"),
    publication: meta("og:site_name", "citation_journal_title", "application-name"),
    publishedOn: isoDate(meta("article:published_time", "citation_publication_date", "date", "dc.date", "pubdate")),
  };
}
