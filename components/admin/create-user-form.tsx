"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guarded-write";
import { ROLES } from "@/lib/validation/user";
import { CopyButton } from "./copy-button";

interface Props {
  /** The server action that creates the account (passed in by the page: components never import app/). */
  createUser: (input: unknown) => Promise<ActionResult<{ email: string; generatedPassword: string | null }>>;
}

export function CreateUserForm({ createUser }: Props) {
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [created, setCreated] = useState<{ email: string; generatedPassword: string | null } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    const result = await createUser({
      email: form.get("email"),
      name: form.get("name"),
      role: form.get("role"),
      password: form.get("password") || undefined,
    });
    setPending(false);
    if (result.ok) {
      setError(null);
      setCreated(result.data);
      formElement.reset();
    } else {
      setCreated(null);
      setError({ field: result.field, message: result.error.replace(/^\w+: /, "") });
    }
  }

  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form className="stack create-user" onSubmit={onSubmit} noValidate>
      <Field label="Name" name="name" error={fieldError("name")} />
      <Field label="Email" name="email" type="email" error={fieldError("email")} />
      <div className="field">
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" name="role" defaultValue="reviewer">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="Leave empty to generate one, shown once here to hand over."
        error={fieldError("password")}
      />
      {error && !["name", "email", "password"].includes(error.field ?? "") ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {created ? (
        <div className="notice">
          <p role="status">Created {created.email}.</p>
          {created.generatedPassword ? (
            <p className="copy-row">
              <span>Password (shown once):</span>
              <code>{created.generatedPassword}</code>
              <CopyButton value={created.generatedPassword} label={`Copy the password of ${created.email}`} />
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Creating…" : "Add user"}
      </button>
    </form>
  );
}
