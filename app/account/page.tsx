import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireUser } from "@/lib/auth/require-user";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** The signed-in user's own account: who they are, and a new password. */
export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <section className="page narrow">
      <h1>Your account</h1>
      <dl className="account-facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
      </dl>
      <h2>Change your password</h2>
      <ChangePasswordForm changePassword={changeOwnPasswordAction} />
      <p className="meta">Forgot it? An admin can set a new one for you on the Users page.</p>
    </section>
  );
}
