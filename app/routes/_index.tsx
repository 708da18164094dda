import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { systemContext } from "~/auth/system.server";
import { homePathFor } from "~/models/org.server";

/** The start page sends people where they belong: sign-in, first org, or their org. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) throw redirect("/login");
  throw redirect(await homePathFor(await systemContext(), user.id));
}
