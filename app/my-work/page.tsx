import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionButton } from "@/components/review/assignment-controls";
import { ProgressBar } from "@/components/review/progress-bar";
import styles from "@/components/review/review.module.css";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { listAssignmentProgress } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { markDoneAction } from "./actions";

export const metadata: Metadata = { title: "My work" };
export const dynamic = "force-dynamic";

/** The documents assigned to the signed-in reviewer, with their progress and a "mark done". */
export default async function MyWorkPage() {
  const user = await requireUser("/my-work");
  if (!hasRole(user.role, "reviewer")) forbidden();
  const assignments = await listAssignmentProgress(db, user.id);
  const open = assignments.filter((a) => !a.doneAt).length;
  return (
    <section className="page">
      <h1>My work</h1>
      <p className="lede">
        {assignments.length === 0
          ? "No document is assigned to you yet; a curator assigns them."
          : `${assignments.length} assigned ${assignments.length === 1 ? "document" : "documents"}, ${open} still open.`}
      </p>
      <ul className={styles.list}>
        {assignments.map((a) => (
          <li key={a.document.id} className={styles.card}>
            <h2 className={styles.cardTitle}>
              <Link href={`/documents/${a.document.slug}`}>{a.document.title}</Link>
            </h2>
            <ProgressBar tagged={a.tagged} total={a.total} done={a.doneAt !== null} />
            <p className={styles.actions}>
              <span className={a.doneAt ? styles.done : styles.open}>{a.doneAt ? "✓ done" : "in progress"}</span>
              <ActionButton
                label={a.doneAt ? "Reopen" : "Mark done"}
                input={{ documentId: a.document.id, done: !a.doneAt }}
                action={markDoneAction}
                done={a.doneAt ? "Reopened." : "Marked done."}
              />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
