import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { CurationView } from "@/components/curation/curation-view";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { findAgreementDocument } from "@/lib/db/agreement-reads";
import { db } from "@/lib/db/client";
import { listDisagreements } from "@/lib/db/curation-reads";
import { listTags } from "@/lib/db/tags";
import { agreementParamsSchema } from "@/lib/validation/agreement";
import { adjudicateAction } from "./actions";

export const metadata: Metadata = { title: "Curate" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Curators and admins walk the claims reviewers disagree on and record a verdict for each. */
export default async function CuratePage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = agreementParamsSchema.safeParse({
    document: Array.isArray(raw.document) ? raw.document[0] : raw.document,
  });
  const key = parsed.success ? (parsed.data.document ?? null) : null;
  const user = await requireUser(key ? `/curate?document=${encodeURIComponent(key)}` : "/curate");
  if (!hasRole(user.role, "curator")) forbidden();
  const document = key ? await findAgreementDocument(db, key) : null;
  if (key && !document) notFound();
  const [items, tags] = await Promise.all([listDisagreements(db, document?.id ?? null), listTags(db)]);
  return (
    <section className="page">
      <h1>Curate{document ? `: ${document.title}` : ""}</h1>
      <p className="lede">
        The claims reviewers tagged differently, in reading order. Give each a verdict: final tags, final status and the
        reason. The verdict becomes the claim's consensus in every report; reviewers' own tags stay as they are.
      </p>
      <CurationView items={items} tags={tags} curatorName={user.name} adjudicate={adjudicateAction} />
    </section>
  );
}
