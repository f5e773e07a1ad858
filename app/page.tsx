import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { countUsers } from "@/lib/db/users";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await countUsers(db)) === 0 ? "/setup" : "/documents");
}
