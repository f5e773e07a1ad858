import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import styles from "@/components/agreement/agreement.module.css";
import { DocumentAgreementTable } from "@/components/agreement/document-agreement-table";
import { FigureCard } from "@/components/agreement/figure-card";
import { MostDisagreedList } from "@/components/agreement/most-disagreed-list";
import { ConfusionTables, PairMatrix } from "@/components/agreement/pair-matrix";
import { TagAgreementTable } from "@/components/agreement/tag-agreement-table";
import { requireUser } from "@/lib/auth/require-user";
import { listAgreementDocuments } from "@/lib/db/agreement-reads";
import { db } from "@/lib/db/client";
import { documentsUnderIndependentReview } from "@/lib/db/independent-review";
import { loadAgreement, UnknownAgreementDocumentError } from "@/lib/review/load-agreement";
import { agreementParamsSchema } from "@/lib/validation/agreement";

export const metadata: Metadata = { title: "Agreement" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = agreementParamsSchema.safeParse({
    document: Array.isArray(raw.document) ? raw.document[0] : raw.document,
  });
  const document = parsed.success ? (parsed.data.document ?? null) : null;
  const user = await requireUser(document ? `/agreement?document=${encodeURIComponent(document)}` : "/agreement");
  // Documents this reviewer reviews independently stay out until they mark them done.
  const hidden = await documentsUnderIndependentReview(db, user);
  const [view, documents] = await Promise.all([
    loadAgreement(db, document, null, hidden).catch((error: unknown) => {
      if (error instanceof UnknownAgreementDocumentError) notFound();
      throw error;
    }),
    listAgreementDocuments(db),
  ]);
  const { report } = view;
  if (view.document && hidden.has(view.document.id))
    return (
      <section className="page">
        <h1>Agreement: {view.document.title}</h1>
        <p className="lede">
          You are reviewing this document independently: its agreement figures show once you mark it done in{" "}
          <Link href="/my-work">My work</Link>.
        </p>
      </section>
    );
  return (
    <section className="page">
      <h1>Agreement{view.document ? `: ${view.document.title}` : ""}</h1>
      <p className="lede">
        {report.claims} claims; {report.judged} tagged by at least one reviewer, {report.overlapping} by two or more;{" "}
        {report.reviewers.length} {report.reviewers.length === 1 ? "reviewer" : "reviewers"}.
      </p>
      <nav aria-label="Scope">
        <ul className={styles.scopes}>
          <li>
            <Link
              href="/agreement"
              className={`chip ${view.document ? "" : "chip-active"}`}
              aria-current={view.document ? undefined : "page"}
            >
              Whole corpus
            </Link>
          </li>
          {documents.map((d) => (
            <li key={d.id}>
              <Link
                href={`/agreement?document=${encodeURIComponent(d.slug)}`}
                className={`chip ${view.document?.id === d.id ? "chip-active" : ""}`}
                aria-current={view.document?.id === d.id ? "page" : undefined}
              >
                {d.title.length > 40 ? `${d.title.slice(0, 39)}…` : d.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className={styles.explain}>
        A claim's judgement is the whole set of tags a reviewer gave it; a claim a reviewer has not tagged is missing,
        not “no tag”. 1 means reviewers always agree, 0 means no better than chance, below 0 worse than chance. Readings
        follow Landis &amp; Koch (1977): up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above that
        almost perfect.
      </p>

      <h2>Overall</h2>
      <ul className={styles.figures}>
        <FigureCard name="Fleiss' κ (all reviewers)" figure={report.fleiss} />
        <FigureCard name="Krippendorff's α (nominal)" figure={report.alpha} hint="Missing judgements allowed." />
        <FigureCard
          name="Krippendorff's α (MASI, set-valued)"
          figure={report.setAlpha}
          hint="Counts overlapping tag sets as partial agreement."
        />
      </ul>

      <h2>Cohen's κ for each pair</h2>
      {report.reviewers.length < 2 ? (
        <p>Pairs appear once two reviewers have tagged claims.</p>
      ) : (
        <>
          <PairMatrix reviewers={report.reviewers} pairs={report.pairs} names={view.reviewerNames} />
          <h3>Confusion tables</h3>
          <ConfusionTables pairs={report.pairs} names={view.reviewerNames} tagLabels={view.tagLabels} />
        </>
      )}

      <h2>Per tag</h2>
      <p className={styles.explain}>Each tag as a yes/no decision: did the reviewer apply it?</p>
      <TagAgreementTable perTag={report.perTag} tagLabels={view.tagLabels} />

      {view.document ? null : (
        <>
          <h2>Per document</h2>
          <DocumentAgreementTable documents={view.perDocument} />
        </>
      )}

      <h2>Most disagreed claims</h2>
      <MostDisagreedList
        claims={report.mostDisagreed}
        excerpts={view.claims}
        names={view.reviewerNames}
        tagLabels={view.tagLabels}
      />
    </section>
  );
}
