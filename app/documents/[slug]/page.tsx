import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Annotator } from "@/components/annotator/annotator";
import { AnchorQueue } from "@/components/documents/anchor-queue";
import { VersionBanner } from "@/components/documents/version-banner";
import { ExportMenu } from "@/components/export/export-menu";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db/client";
import { getDocumentForReading } from "@/lib/db/documents";
import { latestLiveSeq } from "@/lib/db/live-events";
import { listTags } from "@/lib/db/tags";
import {
  addNoteAction,
  adjustSpanAction,
  createClaimAction,
  deleteClaimAction,
  deleteNoteAction,
  editNoteAction,
  loadNotesAction,
  resolveAnchorAction,
  restoreClaimAction,
  setStatusAction,
  setTagAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

// One query per request, shared by the metadata and the page.
const loadDocument = cache((slug: string) => getDocumentForReading(db, slug));

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
  return (
    <article className="document-page">
      <header className="document-header">
        <h1>{doc.title}</h1>
        <p className="meta">
          {[doc.author, doc.publication, doc.publishedOn].filter(Boolean).join(" · ")}
          <span className="file-name" title={`sha256 ${doc.sha256}`}>
            {doc.fileName}
          </span>
        </p>
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
        claims={doc.claims}
        tags={tags}
        viewer={{ id: user.id, name: user.name, role: user.role }}
        follow={{ slug: doc.slug, after: liveSince }}
        actions={{
          createClaim: createClaimAction,
          adjustSpan: adjustSpanAction,
          setStatus: setStatusAction,
          deleteClaim: deleteClaimAction,
          restoreClaim: restoreClaimAction,
          setTag: setTagAction,
          loadNotes: loadNotesAction,
          addNote: addNoteAction,
          editNote: editNoteAction,
          deleteNote: deleteNoteAction,
        }}
      />
    </article>
  );
}
