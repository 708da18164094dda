import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}

// Logging out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}
