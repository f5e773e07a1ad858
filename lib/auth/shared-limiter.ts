import "server-only";
import { db } from "../db/client";
import { SignInLimiter } from "./sign-in-limiter";

/** This server's limiter (its counts live in the database): sign-in and password changes count against the same limits. */
export const signInLimiter = new SignInLimiter(db);
