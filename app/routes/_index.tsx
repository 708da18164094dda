import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { getDatabase } from "~/db.server";
import { homePathFor } from "~/models/org.server";

/** The start page sends people where they belong: sign-in, first org, or their org. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) throw redirect("/login");
  const { db } = await getDatabase();
  throw redirect(await homePathFor(db, user.id));
}
