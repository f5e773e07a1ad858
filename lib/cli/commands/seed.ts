import type { Db } from "../../db/client";
import { seedCorpus } from "../../seed/seed-corpus";

export async function runSeed(db: Db): Promise<void> {
  const r = await seedCorpus(db);
  console.log(
    `seeded: ${r.documentsCreated} document(s) created, ${r.documentsUpdated} updated; ` +
      `${r.claimsCreated} claim(s) created, ${r.claimsUpdated} updated, ${r.claimsRetired} retired, ${r.claimsUnchanged} unchanged`,
  );
}
