import { createHmac } from "node:crypto";
import type { ExportPerson } from "./model";

/** A reviewer's id in exports: an HMAC of the user id under the installation's key. Stable, opaque. */
export function opaqueReviewerId(installationKey: string, userId: string): string {
  return createHmac("sha256", installationKey).update(userId).digest("hex").slice(0, 24);
}

/** The person as a caller who may not see email addresses gets it: the name, and a placeholder address. */
export function withoutEmail(installationKey: string, person: ExportPerson): ExportPerson {
  return { ...person, email: `reviewer-${opaqueReviewerId(installationKey, person.id)}@hidden.invalid` };
}
