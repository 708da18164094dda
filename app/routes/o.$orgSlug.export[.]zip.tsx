import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgContext } from "~/auth/tenant.server";
import { exportOrgData } from "~/models/org-export.server";

/** All of the org's data as one zip (every table as CSV plus manifest.json), for owners and admins. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "export:all");
  const archive = await exportOrgData(ctx);
  return new Response(archive.zip, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${archive.filename.replace(/[^a-zA-Z0-9._-]/g, "_")}"`,
      "Content-Length": String(archive.zip.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
