import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { db } from "@/lib/db/client";
import { countUsers } from "@/lib/db/users";
import { createFirstAdminAction } from "./actions";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

/** One-time page: exists only while the database has no account. */
export default async function SetupPage() {
  if ((await countUsers(db)) > 0) notFound();
  return (
    <section className="auth-card">
      <h1>Set up Claimbook</h1>
      <p>Create the first administrator. This page disappears once the account exists.</p>
      <SetupForm createFirstAdmin={createFirstAdminAction} />
    </section>
  );
}
