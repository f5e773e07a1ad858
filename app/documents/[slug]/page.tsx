import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { preload } from "react-dom";
import {
  createLinkAction,
  findLinkTargetsAction,
  loadClaimLinksAction,
  unlinkClaimAction,
} from "@/app/discrepancies/actions";
import { Annotator } from "@/components/annotator/annotator";
import { AnchorQueue } from "@/components/documents/anchor-queue";
import { DocumentByline } from "@/components/documents/document-byline";
import { EditDetailsForm } from "@/components/documents/edit-details-form";
import { TagCountBar } from "@/components/documents/tag-count-bar";
import { VersionBanner } from "@/components/documents/version-banner";
import { ExportMenu } from "@/components/export/export-menu";
import { TagLegend } from "@/components/tags/tag-legend";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db/client";
import { documentTagCounts } from "@/lib/db/document-tag-counts";
import { getDocumentPage } from "@/lib/db/documents";
import { latestLiveSeq } from "@/lib/db/live-events";
import { listPendingSuggestions } from "@/lib/db/suggestions";
import { listTags } from "@/lib/db/tags";
import {
  acceptParagraphSuggestionsAction,
  acceptSuggestionAction,
  addNoteAction,
  adjustSpanAction,
  createClaimAction,
  deleteClaimAction,
  deleteNoteAction,
  describeClaimAction,
  editDocumentDetailsAction,
  editNoteAction,
  loadNotesAction,
  rejectSuggestionAction,
  resolveAnchorAction,
  restoreClaimAction,
  setStatusAction,
  setTagAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

// One read per request, shared by the metadata and the page. It holds no claims: the reading
// view fetches them after first paint (GET /api/documents/<slug>/claims), so the page's size
// and hydration do not grow with the claim count.
const loadDocument = cache((slug: string) => getDocumentPage(db, slug));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const doc = await loadDocument((await params).slug);
  return { title: doc?.title ?? "Document not found" };
}

export default async function DocumentPage({ params }: Params) {
  const { slug } = await params;
  const user = await requireUser(`/documents/${slug}`);
  // Read before the claims: the live stream replays anything committed after it.
  const liveSince = await latestLiveSeq(db);
  const [doc, tags] = await Promise.all([loadDocument(slug), listTags(db)]);
  if (!doc) notFound();
  const suggestions = await listPendingSuggestions(db, doc.id);
  const claimsUrl = `/api/documents/${encodeURIComponent(doc.slug)}/claims`;
  // The claims are fetched as soon as the page's head names them, while the browser is still
  // parsing and hydrating the text, instead of after hydration (the reading view's fetch then
  // takes the preloaded answer).
  preload(claimsUrl, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <article className="document-page">
      <header className="document-header">
        <h1>{doc.title}</h1>
        <DocumentByline doc={doc} />
        {hasRole(user.role, "reviewer") ? (
          <p>
            <a href={`/documents/new?versionOf=${encodeURIComponent(doc.slug)}`} className="button-link">
              Upload a new version
            </a>
          </p>
        ) : null}
        {doc.versionReport ? (
          <VersionBanner
            versionNumber={doc.versionNumber}
            report={doc.versionReport}
            waiting={doc.anchorQueue.length}
          />
        ) : null}
        <AnchorQueue
          items={doc.anchorQueue}
          canWrite={hasRole(user.role, "reviewer")}
          resolve={resolveAnchorAction}
          reselect={adjustSpanAction}
        />
        <ExportMenu
          scopes={[
            { document: doc.slug, label: "This document" },
            { document: "", label: "All documents" },
          ]}
        />
      </header>
      <Annotator
        documentId={doc.id}
        text={doc.text}
        claimSource={{
          url: claimsUrl,
          sha256: doc.sha256,
          claimCount: doc.liveClaimCount,
          renderedAt: Date.now(),
        }}
        suggestions={suggestions}
        tags={tags}
        viewer={{ id: user.id, name: user.name, role: user.role }}
        follow={{ slug: doc.slug, after: liveSince }}
        actions={{
          createClaim: createClaimAction,
          adjustSpan: adjustSpanAction,
          setStatus: setStatusAction,
          acceptSuggestion: acceptSuggestionAction,
          rejectSuggestion: rejectSuggestionAction,
          acceptParagraphSuggestions: acceptParagraphSuggestionsAction,
          describeClaim: describeClaimAction,
          deleteClaim: deleteClaimAction,
          restoreClaim: restoreClaimAction,
          setTag: setTagAction,
          loadNotes: loadNotesAction,
          addNote: addNoteAction,
          editNote: editNoteAction,
          deleteNote: deleteNoteAction,
          loadClaimLinks: loadClaimLinksAction,
          findLinkTargets: findLinkTargetsAction,
          createLink: createLinkAction,
          unlinkClaim: unlinkClaimAction,
        }}
      />
      {/* Below the reading view, not in the header: a taller header pushes the claim list's
          first rows below the fold of a laptop screen. */}
      <section className="document-footer" aria-label="About this document">
        <h2>Final tags in this document</h2>
        <p className="meta">Counted when the page was loaded: reload to count tags added since.</p>
        {/* Streamed after the rest of the page: counting reads every tag row of the document,
            which at 10,000 claims would hold back the page's first byte. */}
        <Suspense fallback={<p className="meta">Counting tags…</p>}>
          <FinalTagCounts user={user} doc={doc} tags={tags} />
        </Suspense>
        <TagLegend tags={tags} />
        {hasRole(user.role, "admin") ? (
          <EditDetailsForm
            details={{
              documentId: doc.id,
              title: doc.title,
              author: doc.author,
              publication: doc.publication,
              publishedOn: doc.publishedOn,
              sourceUrl: doc.sourceUrl,
            }}
            editDetails={editDocumentDetailsAction}
          />
        ) : null}
      </section>
    </article>
  );
}

/**
 * The footer's tag counts, as this user may see them: during an independent review, other
 * reviewers' tags are left out of the counts (as they are of the claims the reading view fetches).
 */
async function FinalTagCounts({
  user,
  doc,
  tags,
}: {
  user: { id: string; role: string };
  doc: { id: string; sha256: string; liveClaimCount: number };
  tags: Awaited<ReturnType<typeof listTags>>;
}) {
  const counts = await documentTagCounts(db, user, doc);
  return <TagCountBar tags={tags} counts={counts} total={doc.liveClaimCount} />;
}
