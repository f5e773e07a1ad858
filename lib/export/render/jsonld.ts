import { codePointOffsets, trimBrokenSurrogates } from "../../anchoring/code-points";
import type { LinkListing } from "../../db/claim-link-reads";
import { loadExportLinks } from "../links";
import type { ExportClaim, ExportDocument, ExportPerson } from "../model";
import { opaqueReviewerId } from "../reviewer-id";
import { claimsOf, type ExportSource, loadDocument } from "../source";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Annotations per AnnotationPage. */
export const ANNOTATION_PAGE_SIZE = 1000;

type Json = Record<string, unknown>;

/** The IRI of the W3C export of a scope: the download URL itself. */
export function collectionIri(source: ExportSource): string {
  const params = new URLSearchParams({ format: "jsonld" });
  const request = source.scope.request;
  if (request.kind !== "corpus" && request.document) params.set("document", request.document);
  if (request.kind === "query") params.set("q", request.q);
  return `${source.baseUrl}/api/export?${params}`;
}

/** The plain text the selectors count into (served by the app to signed-in users). */
export function documentTextIri(source: ExportSource, slug: string): string {
  return `${source.baseUrl}/documents/${encodeURIComponent(slug)}/text`;
}

// Each person's agent is made once per export (its id costs an HMAC) and shared by every body.
const agents = new WeakMap<ExportSource, Map<string, Json>>();

function personAgent(source: ExportSource, p: ExportPerson): Json {
  let known = agents.get(source);
  if (!known) {
    known = new Map();
    agents.set(source, known);
  }
  let agent = known.get(p.id);
  if (!agent || agent.name !== p.name) {
    // An opaque per-installation id, not a hash of the address: a hash of a guessable address
    // is reversed by hashing guesses.
    agent = {
      id: `urn:claimbook:reviewer:${opaqueReviewerId(source.installationKey, p.id)}`,
      type: "Person",
      name: p.name,
    };
    known.set(p.id, agent);
  }
  return agent;
}

const curatedAgent = { type: "Software", name: "Claimbook curated claim set" };

function generatorAgent(source: ExportSource): Json {
  return { id: `${source.baseUrl}/`, type: "Software", name: "Claimbook", homepage: `${source.baseUrl}/` };
}

/** The IRI of a claim's annotation (toAnnotation's id). */
const claimIri = (source: ExportSource, slug: string, claimId: string) =>
  `${source.baseUrl}/documents/${encodeURIComponent(slug)}#claim-${encodeURIComponent(claimId)}`;

/** One claim as a W3C Annotation; positions converted from UTF-16 code units to code points. */
export function toAnnotation(
  source: ExportSource,
  doc: ExportDocument,
  claim: ExportClaim,
  toPoints: (offset: number) => number,
): Json {
  const id = claimIri(source, doc.slug, claim.id);
  const body: Json[] = [];
  if (claim.statement)
    body.push({ type: "TextualBody", purpose: "describing", value: claim.statement, format: "text/plain" });
  if (claim.kind) body.push({ type: "TextualBody", purpose: "classifying", value: claim.kind });
  body.push({ type: "TextualBody", purpose: "assessing", value: claim.status });
  for (const slug of claim.suggestedTags)
    body.push({ type: "TextualBody", purpose: "tagging", value: slug, creator: curatedAgent });
  for (const t of claim.tags)
    body.push({
      type: "TextualBody",
      purpose: "tagging",
      value: t.tag,
      creator: personAgent(source, t.reviewer),
      created: t.createdAt.toISOString(),
    });
  // A curator's verdict: the final tags classify the claim, the reason moderates it (issue 14).
  if (claim.verdict) {
    const curator = personAgent(source, claim.verdict.curator);
    const modified = claim.verdict.updatedAt.toISOString();
    for (const slug of claim.verdict.tags)
      body.push({ type: "TextualBody", purpose: "classifying", value: slug, creator: curator, modified });
    body.push({ type: "TextualBody", purpose: "moderating", value: claim.verdict.reason, creator: curator, modified });
  }
  for (const n of claim.notes) {
    // No `id` on these bodies: the W3C tests read a body with an id as an external resource, which may not carry a purpose.
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: n.body,
      format: "text/markdown",
      creator: personAgent(source, n.author),
      created: n.createdAt.toISOString(),
      modified: n.updatedAt.toISOString(),
    });
  }
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "Annotation",
    motivation: "classifying",
    creator: claim.createdBy ? personAgent(source, claim.createdBy) : curatedAgent,
    created: claim.createdAt.toISOString(),
    modified: claim.updatedAt.toISOString(),
    generator: generatorAgent(source),
    generated: source.now.toISOString(),
    body,
    target: {
      type: "SpecificResource",
      source: { id: documentTextIri(source, doc.slug), type: "Text", format: "text/plain" },
      selector: [
        { type: "TextPositionSelector", start: toPoints(claim.start), end: toPoints(claim.end) },
        {
          type: "TextQuoteSelector",
          exact: claim.exact,
          prefix: trimBrokenSurrogates(claim.prefix),
          suffix: trimBrokenSurrogates(claim.suffix),
        },
      ],
    },
  };
}

/**
 * A link between claims as a W3C Annotation with motivation "linking": its targets are the
 * claims' annotations; its bodies say the relation, the state, why it was suggested and
 * each discrepancy flag.
 */
export function toLinkingAnnotation(source: ExportSource, link: LinkListing): Json {
  const body: Json[] = [
    { type: "TextualBody", purpose: "classifying", value: link.relation },
    { type: "TextualBody", purpose: "assessing", value: link.state },
  ];
  if (link.reason) body.push({ type: "TextualBody", purpose: "describing", value: link.reason, format: "text/plain" });
  for (const f of link.flags)
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: `${f.kind}${f.dismissed ? " (dismissed)" : ""}: ${f.reason}`,
      format: "text/plain",
    });
  if (link.note) body.push({ type: "TextualBody", purpose: "commenting", value: link.note, format: "text/plain" });
  return {
    "@context": ANNO_CONTEXT,
    id: `${source.baseUrl}/discrepancies#link-${encodeURIComponent(link.id)}`,
    type: "Annotation",
    motivation: "linking",
    generator: generatorAgent(source),
    generated: source.now.toISOString(),
    body,
    target: link.claims.map((c) => claimIri(source, c.documentSlug, c.id)),
  };
}

/**
 * An AnnotationCollection whose pages are embedded one inside the next (`first`, then each
 * page's `next`), so the whole collection is one file that streams out claim by claim.
 * Each annotation carries its own @context so it stands alone when taken out.
 */
export async function* renderJsonLd(source: ExportSource): AsyncGenerator<string> {
  const iri = collectionIri(source);
  // Links follow the claims in the same pages; without links the output is as before.
  const links = await loadExportLinks(source);
  const total = source.claimCount + links.length;
  const pages = Math.ceil(total / ANNOTATION_PAGE_SIZE);
  const head = {
    "@context": ANNO_CONTEXT,
    id: iri,
    type: "AnnotationCollection",
    label: `Claimbook claims: ${source.scope.label}`,
    total,
    generator: generatorAgent(source),
    generated: source.now.toISOString(),
  };
  const pageIri = (n: number) => `${iri}#page-${n}`;
  yield JSON.stringify(head, null, 1).replace(/\n}$/, "");
  if (total === 0) {
    yield "\n}\n";
    return;
  }
  let index = 0;
  let chunk = "";
  const openPage = (n: number) =>
    `{"id": ${JSON.stringify(pageIri(n))}, "type": "AnnotationPage", "partOf": ${JSON.stringify(iri)}, "startIndex": ${(n - 1) * ANNOTATION_PAGE_SIZE}, "items": [`;
  yield `,\n "last": ${JSON.stringify(pageIri(pages))},\n "first": ${openPage(1)}`;
  for (const header of source.documents) {
    const doc = await loadDocument(source, header);
    const toPoints = codePointOffsets(doc.text);
    for await (const claim of claimsOf(source, doc.id)) {
      if (index > 0 && index % ANNOTATION_PAGE_SIZE === 0)
        chunk += `\n],\n"next": ${openPage(index / ANNOTATION_PAGE_SIZE + 1)}`;
      chunk += `${index % ANNOTATION_PAGE_SIZE ? "," : ""}\n${JSON.stringify(toAnnotation(source, doc, claim, toPoints))}`;
      index++;
      // Sent on in chunks of about 64k characters, not one small chunk per claim.
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (chunk) yield chunk;
  for (const link of links) {
    if (index > 0 && index % ANNOTATION_PAGE_SIZE === 0)
      yield `\n],\n"next": ${openPage(index / ANNOTATION_PAGE_SIZE + 1)}`;
    yield `${index % ANNOTATION_PAGE_SIZE ? "," : ""}\n${JSON.stringify(toLinkingAnnotation(source, link))}`;
    index++;
  }
  const opened = Math.max(1, Math.ceil(index / ANNOTATION_PAGE_SIZE));
  yield `\n]${"}".repeat(opened)}\n}\n`;
}
