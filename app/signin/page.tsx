import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback";
import { db } from "@/lib/db/client";
import { countUsers } from "@/lib/db/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if ((await countUsers(db)) === 0) redirect("/setup");
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <section className="auth-card">
      <h1>Sign in</h1>
      {params.setup === "done" ? (
        <p className="notice" role="status">
          Your admin account is ready. Sign in with it.
        </p>
      ) : null}
      {params.password === "changed" ? (
        <p className="notice" role="status">
          Your password is changed and every device is signed out. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
