/**
 * The largest integer a version or offset column holds on both engines (PostgreSQL `integer`
 * is 32-bit): a larger number in a request is a named field error, never a database error.
 */
export const MAX_DB_INT = 2_147_483_647;
export const TOO_LARGE = { error: `must be at most ${MAX_DB_INT.toLocaleString("en")}` };
