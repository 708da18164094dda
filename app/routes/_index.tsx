import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { getDatabase } from "~/db.server";
import { listOrgsForUser } from "~/models/org.server";

/** The start page sends people where they belong: sign-in, first org, or their org. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) throw redirect("/login");
  const { db } = await getDatabase();
  const orgs = await listOrgsForUser(db, user.id);
  throw redirect(orgs.length ? `/o/${orgs[0].slug}` : "/orgs/new");
}
