"use server";

import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { adjudicateClaim } from "@/lib/db/adjudications";
import { db } from "@/lib/db/client";
import { adjudicateSchema } from "@/lib/validation/adjudication";

// Thin: parse, guard (curators and admins only), call lib/db, revalidate.

export async function adjudicateAction(input: unknown) {
  const result = await guardedWrite(adjudicateSchema, input, "curator", (user, i) => adjudicateClaim(db, user.id, i));
  if (result.ok) revalidatePath("/curate");
  return result;
}
