import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ResetPasswordButton } from "@/components/admin/reset-password-button";
import { UserAccessControls } from "@/components/admin/user-access-controls";
import { requireAdmin } from "@/lib/auth/require-admin";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/db/users";
import { createUserAction, resetPasswordAction, updateUserAccessAction } from "./actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const admin = await requireAdmin("/admin/users");
  const users = await listUsers(db);
  return (
    <section className="page">
      <h1>Users</h1>
      <p className="lede">
        Admins manage accounts; reviewers annotate; viewers read. Deactivated users keep their work but cannot sign in.
      </p>
      <div className="table-scroll">
        <table className="data-table users-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Since</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email} className={u.active ? undefined : "inactive"}>
                <td>
                  {u.name}
                  {u.id === admin.id ? <span className="claim-flag"> (you)</span> : null}
                </td>
                <td>{u.email}</td>
                <td>{u.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  <UserAccessControls
                    user={{ id: u.id, name: u.name, role: u.role, active: u.active }}
                    updateAccess={updateUserAccessAction}
                  />
                  <ResetPasswordButton user={{ id: u.id, name: u.name }} resetPassword={resetPasswordAction} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a user</h2>
      <CreateUserForm createUser={createUserAction} />
    </section>
  );
}
