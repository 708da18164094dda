import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSystemContext } from "~/auth/system.server";
import { exportPersonalData } from "~/models/personal-data.server";

/** The signed-in person's own data as a JSON download (what it holds: account.data.tsx). */
export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemContext(request);
  const data = await exportPersonalData(account, account.user.id);
  return new Response(JSON.stringify(data, null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="capital-desk-personal-data-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
