import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrgContext } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { invalid, parseForm } from "~/lib/forms.server";
import { currencyField, nameField } from "~/lib/fields";
import { getOrgSettings, updateOrgSettings } from "~/models/org.server";

export const meta: MetaFunction = () => [{ title: "Settings · Capital Desk" }];

const SettingsSchema = z.object({
  name: nameField("the organisation's name"),
  baseCurrency: currencyField,
  // A plain decimal with at most two places (stored as basis points): not "", "0x10" or "1e2", which z.coerce would take.
  budgetOverrunThresholdPercent: z
    .string({ error: "Enter a percentage." })
    .trim()
    .min(1, "Enter a percentage.")
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "Use a percentage from 0 to 100 with at most two decimals, like 10 or 12.5.")
    .transform(Number)
    .refine((n) => n <= 100, "Use a percentage from 0 to 100 with at most two decimals, like 10 or 12.5."),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const org = await getOrgSettings(ctx);
  return json({ name: org.name, baseCurrency: org.baseCurrency, thresholdPercent: org.budgetOverrunThresholdBp / 100 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const parsed = parseForm(SettingsSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  await updateOrgSettings(ctx, {
    name: parsed.data.name,
    baseCurrency: parsed.data.baseCurrency,
    budgetOverrunThresholdBp: Math.round(parsed.data.budgetOverrunThresholdPercent * 100),
  });
  return json({ ok: true as const });
}

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <>
      <PageHeader title="Settings" />
      <Card>
        {result?.ok ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            Settings saved.
          </p>
        ) : null}
        <Form method="post" className="max-w-md space-y-4" noValidate>
          <FormError error={result && !result.ok ? result.formError : undefined} />
          <Field label="Name" name="name" defaultValue={data.name} error={errors.name} />
          <Field label="Base currency (ISO 4217)" name="baseCurrency" defaultValue={data.baseCurrency} maxLength={3} error={errors.baseCurrency} />
          <Field
            label="Budget overrun threshold (%)"
            name="budgetOverrunThresholdPercent"
            type="number"
            step="0.01"
            defaultValue={data.thresholdPercent}
            hint="Spend this far above budget is flagged. Default 10 %."
            error={errors.budgetOverrunThresholdPercent}
          />
          <SubmitButton>Save settings</SubmitButton>
        </Form>
      </Card>
    </>
  );
}
