"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/validation/form-errors";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/user";

/** `createFirstAdmin` is the setup page's server action, passed in (components never import app/). */
export function SetupForm({
  createFirstAdmin,
}: {
  createFirstAdmin: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createFirstAdmin, { ok: false });
  const errors = state.fieldErrors ?? {};
  return (
    <form className="stack" action={action} noValidate>
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} error={errors.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <Field
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
      />
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
