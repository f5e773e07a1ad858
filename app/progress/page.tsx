import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionButton, AssignForm } from "@/components/review/assignment-controls";
import { ProgressBar } from "@/components/review/progress-bar";
import styles from "@/components/review/review.module.css";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { listAgreementDocuments } from "@/lib/db/agreement-reads";
import { listAssignableReviewers, listAssignmentProgress } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { assignAction, setIndependentReviewAction, unassignAction } from "./actions";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

/** Curators assign documents and follow, per document and reviewer, how far each one is. */
export default async function ProgressPage() {
  const user = await requireUser("/progress");
  if (!hasRole(user.role, "curator")) forbidden();
  const [documents, reviewers, progress] = await Promise.all([
    listAgreementDocuments(db),
    listAssignableReviewers(db),
    listAssignmentProgress(db, null),
  ]);
  const byDocument = documents
    .map((d) => ({ document: d, rows: progress.filter((p) => p.document.id === d.id) }))
    .filter((d) => d.rows.length);
  return (
    <section className="page">
      <h1>Progress</h1>
      <p className="lede">
        Who reviews which document, and how far each reviewer is: claims they have tagged out of the claims in the
        document, and whether they have marked it done.
      </p>
      <h2>Assign a document</h2>
      <AssignForm documents={documents} reviewers={reviewers} assign={assignAction} />
      <h2>Assigned documents</h2>
      {byDocument.length === 0 ? <p>No document is assigned yet.</p> : null}
      <ul className={styles.list}>
        {byDocument.map(({ document, rows }) => (
          <li key={document.id} className={styles.card}>
            <h3 className={styles.cardTitle}>
              <Link href={`/documents/${document.slug}`}>{document.title}</Link>{" "}
              <Link className="chip chip-small" href={`/agreement?document=${encodeURIComponent(document.slug)}`}>
                agreement
              </Link>{" "}
              <Link className="chip chip-small" href={`/curate?document=${encodeURIComponent(document.slug)}`}>
                curate
              </Link>
            </h3>
            <p className="meta">
              Independent review {document.independentReview ? "on" : "off"}: assigned reviewers{" "}
              {document.independentReview ? "do not see" : "see"} each other's tags on a claim before tagging it.{" "}
              <ActionButton
                label={document.independentReview ? "Turn off" : "Turn on"}
                input={{ documentId: document.id, on: !document.independentReview }}
                action={setIndependentReviewAction}
                done="Saved."
              />
            </p>
            <ul className={styles.rows}>
              {rows.map((p) => (
                <li key={p.reviewer.id} className={styles.row}>
                  <span>{p.reviewer.name}</span>
                  <ProgressBar tagged={p.tagged} total={p.total} done={p.doneAt !== null} />
                  <span className={p.doneAt ? styles.done : styles.open}>{p.doneAt ? "✓ done" : "in progress"}</span>
                  <ActionButton
                    label={`Unassign ${p.reviewer.name}`}
                    input={{ documentId: document.id, reviewerId: p.reviewer.id }}
                    action={unassignAction}
                    done="Unassigned."
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
