"use client";

import { useActionState } from "react";
import { createFirstAdminAction } from "@/app/setup/actions";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/validation/form-errors";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/user";

export function SetupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createFirstAdminAction, { ok: false });
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
