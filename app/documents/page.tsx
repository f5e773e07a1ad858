import type { Metadata } from "next";
import Link from "next/link";
import { DocumentByline } from "@/components/documents/document-byline";
import { TagCountBar } from "@/components/documents/tag-count-bar";
import { TagLegend } from "@/components/tags/tag-legend";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db/client";
import { listDocumentSummaries } from "@/lib/db/documents";
import { slugsUnderIndependentReview } from "@/lib/db/independent-review";
import { listTags } from "@/lib/db/tags";

export const metadata: Metadata = { title: "Documents" };
export const dynamic = "force-dynamic";

export default async function DocumentsPage() {
  const user = await requireUser("/documents");
  const [documents, tags, hidden] = await Promise.all([
    listDocumentSummaries(db),
    listTags(db),
    slugsUnderIndependentReview(db, user),
  ]);
  const total = documents.reduce((n, d) => n + d.claimCount, 0);
  return (
    <section className="page">
      <h1>Documents</h1>
      <p className="lede">
        {documents.length} documents, {total} claims.
      </p>
      <TagLegend tags={tags} />
      {hasRole(user.role, "reviewer") ? (
        <p>
          <Link href="/documents/new" className="button-link">
            Add document
          </Link>
        </p>
      ) : null}
      <ol className="document-list">
        {documents.map((d) => (
          <li key={d.slug} className="document-card">
            <h2>
              <Link href={`/documents/${d.slug}`}>{d.title}</Link>
            </h2>
            <DocumentByline doc={d} />
            {hidden.includes(d.slug) ? (
              // The counts include other reviewers' tags: not shown during an independent review.
              <p className="meta">
                {d.claimCount} claims · tag counts appear when you mark this document done in My work.
              </p>
            ) : (
              <TagCountBar tags={tags} counts={d.tagCounts} total={d.claimCount} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
