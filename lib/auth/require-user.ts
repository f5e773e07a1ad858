import "server-only";
import { redirect } from "next/navigation";
import type { UserSummary } from "../db/users";
import { getCurrentUser } from "./current-user";

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
