"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guarded-write";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/user";

interface Props {
  /** The server action that checks the current password and stores the new one (passed in by the page). */
  changePassword: (input: unknown) => Promise<ActionResult<{ signedOut: boolean }>>;
}

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

/**
 * Replaces the signed-in user's password. The server ends every session of the account,
 * this one included, so on success the form signs out here too and the sign-in page says why.
 */
export function ChangePasswordForm({ changePassword }: Props) {
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    const result = await changePassword({
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
      confirmPassword: form.get("confirmPassword"),
    });
    if (result.ok) {
      await signOut({ callbackUrl: "/signin?password=changed" });
      return;
    }
    setPending(false);
    setError({ field: result.field, message: result.error.replace(/^\w+: /, "") });
    // The field in error takes the focus, so a screen reader reads its message (aria-describedby).
    const field = result.field ? formElement.elements.namedItem(result.field) : null;
    if (field instanceof HTMLInputElement) requestAnimationFrame(() => field.focus());
  }

  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Change your password">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError("currentPassword")}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. You will sign in again, and every other device is signed out.`}
        error={fieldError("newPassword")}
      />
      <Field
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError("confirmPassword")}
      />
      {error && !FIELDS.includes(error.field ?? "") ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
