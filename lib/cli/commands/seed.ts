import type { Db } from "../../db/client";
import { seedCorpus } from "../../seed/seed-corpus";
import { type CliIo, println } from "../io";

export async function runSeed(db: Db, io: CliIo): Promise<void> {
  const r = await seedCorpus(db);
  println(
    io.stdout,
    `seeded: ${r.documentsCreated} document(s) created, ${r.documentsUpdated} updated; ` +
      `${r.claimsCreated} claim(s) created, ${r.claimsUpdated} updated, ${r.claimsRetired} retired, ${r.claimsUnchanged} unchanged`,
  );
}
