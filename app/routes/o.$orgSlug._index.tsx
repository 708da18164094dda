import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, PageHeader } from "~/components/ui/layout";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  return json({ org: ctx.org, role: ctx.role });
}

export default function OrgOverview() {
  const { org, role } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={org.name}
        description={`${org.kind === "startup" ? "Startup" : "Investor"} · base currency ${org.baseCurrency} · you are ${role}`}
      />
      <Card title="Welcome">
        <p className="text-sm text-slate-700">
          {org.kind === "startup"
            ? "Record your rounds, debt, monthly reports, budgets and risks; decide which investors see what."
            : "Link portfolio companies, follow their runway, burn and risk, and get early warnings."}
        </p>
      </Card>
    </>
  );
}
