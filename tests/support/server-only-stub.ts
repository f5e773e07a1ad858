// Vitest runs lib/db and lib/auth outside a React server bundle, where the real `server-only`
// would throw on import; this empty module stands in for it (vitest.config.ts aliases it).
export {};
