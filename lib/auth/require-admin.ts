import "server-only";
import { forbidden } from "next/navigation";
import type { UserSummary } from "../db/users";
import { requireUser } from "./require-user";

/** For admin pages: the signed-in admin; others get the 403 page. */
export async function requireAdmin(returnTo: string): Promise<UserSummary> {
  const user = await requireUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
