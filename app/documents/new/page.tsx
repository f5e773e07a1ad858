import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { AddDocumentForm } from "@/components/documents/add-document-form";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db/client";
import { getDocumentMetadata } from "@/lib/db/documents";
import { MAX_FILE_BYTES } from "@/lib/documents/limits";
import { ACCEPTED_EXTENSIONS } from "@/lib/documents/parse-document";
import { addDocumentAction } from "./actions";

export const metadata: Metadata = { title: "Add document" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ versionOf?: string | string[] }> };

export default async function AddDocumentPage({ searchParams }: Props) {
  const { versionOf } = await searchParams;
  const slug = typeof versionOf === "string" ? versionOf : undefined;
  const user = await requireUser(slug ? `/documents/new?versionOf=${encodeURIComponent(slug)}` : "/documents/new");
  if (!hasRole(user.role, "reviewer")) forbidden();
  const target = slug ? await getDocumentMetadata(db, slug) : null;
  if (slug && !target) notFound();
  if (target) {
    return (
      <section className="page">
        <h1>New version of “{target.title}”</h1>
        <p className="lede">
          The current text is kept as an earlier version. Every claim is carried over to the new text and marked
          unchanged, moved, fuzzy (to confirm) or orphaned; the document page lists the ones to settle.
        </p>
        <AddDocumentForm
          action={addDocumentAction}
          accept={ACCEPTED_EXTENSIONS.join(",")}
          maxBytes={MAX_FILE_BYTES}
          versionOf={target.slug}
        />
      </section>
    );
  }
  return (
    <section className="page">
      <h1>Add document</h1>
      <p className="lede">
        Upload a text, Markdown, HTML, PDF or Word file, or paste text. Line endings, spacing and Unicode are normalised
        the same way for every format; paragraphs are separated by a blank line.
      </p>
      <AddDocumentForm action={addDocumentAction} accept={ACCEPTED_EXTENSIONS.join(",")} maxBytes={MAX_FILE_BYTES} />
    </section>
  );
}
