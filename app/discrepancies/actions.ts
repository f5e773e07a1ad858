"use server";

import { guardedWrite } from "@/lib/auth/guarded-write";
import { runLinkDetection } from "@/lib/db/claim-link-detection";
import { listClaimLinks } from "@/lib/db/claim-link-reads";
import { createManualLink, dismissLinkFlag, setLinkState, unlinkClaim } from "@/lib/db/claim-link-writes";
import { db } from "@/lib/db/client";
import { findLinkTargets } from "@/lib/db/link-targets";
import {
  claimLinksSchema,
  createLinkSchema,
  detectLinksSchema,
  dismissFlagSchema,
  linkTargetsSchema,
  setLinkStateSchema,
  unlinkSchema,
} from "@/lib/validation/links";

// Thin: parse, guard, call lib/db. Each is a public endpoint, so each goes through guardedWrite.

export async function setLinkStateAction(input: unknown) {
  return guardedWrite(setLinkStateSchema, input, "reviewer", (user, i) => setLinkState(db, user.id, i));
}

export async function dismissFlagAction(input: unknown) {
  return guardedWrite(dismissFlagSchema, input, "reviewer", (user, i) => dismissLinkFlag(db, user.id, i));
}

export async function createLinkAction(input: unknown) {
  return guardedWrite(createLinkSchema, input, "reviewer", (user, i) => createManualLink(db, user.id, i));
}

export async function unlinkClaimAction(input: unknown) {
  return guardedWrite(unlinkSchema, input, "reviewer", (user, i) => unlinkClaim(db, user.id, i));
}

export async function detectLinksAction(input: unknown) {
  return guardedWrite(detectLinksSchema, input, "reviewer", (user) => runLinkDetection(db, user.id));
}

/** A claim's links, for the annotator's "Also in". */
export async function loadClaimLinksAction(input: unknown) {
  return guardedWrite(claimLinksSchema, input, "viewer", (_user, i) => listClaimLinks(db, i.claimId));
}

/** Claims of other documents to link to ("link to…" search box). */
export async function findLinkTargetsAction(input: unknown) {
  return guardedWrite(linkTargetsSchema, input, "reviewer", (_user, i) => findLinkTargets(db, i));
}
