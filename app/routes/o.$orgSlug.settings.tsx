import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrgContext } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { invalid, parseForm } from "~/lib/forms.server";
import { validateRiskBands } from "~/finance";
import { currencyField, nameField } from "~/lib/fields";
import { riskBandsText } from "~/lib/risk-labels";
import { getOrgSettings, updateOrgSettings } from "~/models/org.server";

export const meta: MetaFunction = () => [{ title: "Settings · Capital Desk" }];

/** The lowest score of a risk band: a whole number 2–25 (a score is likelihood × impact, 1–25). */
const bandField = (label: string) =>
  z
    .string({ error: `Enter the lowest ${label} score, a whole number from 2 to 25.` })
    .trim()
    .regex(/^\d{1,2}$/, `Enter the lowest ${label} score as a whole number from 2 to 25.`)
    .transform(Number)
    .refine((n) => n >= 2 && n <= 25, `Enter the lowest ${label} score as a whole number from 2 to 25.`)
    .optional();

const BAND_FIELDS = ["riskMediumFrom", "riskHighFrom", "riskCriticalFrom"] as const;

const SettingsSchema = z
  .object({
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
    // Risk bands. Left out altogether (an older client): the org's bands stay as they are.
    riskMediumFrom: bandField("medium"),
    riskHighFrom: bandField("high"),
    riskCriticalFrom: bandField("critical"),
  })
  .superRefine((form, issues) => {
    const given = BAND_FIELDS.filter((f) => form[f] !== undefined);
    if (given.length === 0) return;
    if (given.length < BAND_FIELDS.length) {
      for (const f of BAND_FIELDS) {
        if (form[f] === undefined) issues.addIssue({ code: "custom", path: [f], message: "Enter all three band scores, or none." });
      }
      return;
    }
    const [mediumFrom, highFrom, criticalFrom] = BAND_FIELDS.map((f) => form[f]);
    // A field already refused on its own (not a number yet) has its message; compare only whole scores.
    if (typeof mediumFrom !== "number" || typeof highFrom !== "number" || typeof criticalFrom !== "number") return;
    const bands = { mediumFrom, highFrom, criticalFrom };
    try {
      validateRiskBands(bands);
    } catch (error) {
      if (bands.highFrom <= bands.mediumFrom) {
        issues.addIssue({ code: "custom", path: ["riskHighFrom"], message: `High must start above medium (${bands.mediumFrom}).` });
      } else if (bands.criticalFrom <= bands.highFrom) {
        issues.addIssue({ code: "custom", path: ["riskCriticalFrom"], message: `Critical must start above high (${bands.highFrom}).` });
      } else {
        const message = error instanceof Error ? error.message : "Check the risk bands.";
        issues.addIssue({ code: "custom", path: ["riskMediumFrom"], message });
      }
    }
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const org = await getOrgSettings(ctx);
  return json({
    name: org.name,
    baseCurrency: org.baseCurrency,
    thresholdPercent: org.budgetOverrunThresholdBp / 100,
    riskBands: { mediumFrom: org.riskMediumFrom, highFrom: org.riskHighFrom, criticalFrom: org.riskCriticalFrom },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const parsed = parseForm(SettingsSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { riskMediumFrom, riskHighFrom, riskCriticalFrom } = parsed.data;
  await updateOrgSettings(ctx, {
    name: parsed.data.name,
    baseCurrency: parsed.data.baseCurrency,
    budgetOverrunThresholdBp: Math.round(parsed.data.budgetOverrunThresholdPercent * 100),
    riskBands:
      riskMediumFrom !== undefined && riskHighFrom !== undefined && riskCriticalFrom !== undefined
        ? { mediumFrom: riskMediumFrom, highFrom: riskHighFrom, criticalFrom: riskCriticalFrom }
        : undefined,
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
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium text-slate-700">Risk bands</legend>
            <p className="text-xs text-slate-500">
              Score = likelihood × impact (1–25). Each band starts at the score you enter; scores below medium are low. Now:{" "}
              {riskBandsText(data.riskBands)}. Default: {riskBandsText()}.
            </p>
            <div className="grid grid-cols-3 gap-3">
              <Field
                label="Medium from score"
                name="riskMediumFrom"
                type="number"
                min={2}
                max={25}
                step={1}
                defaultValue={data.riskBands.mediumFrom}
                hint="Default 5."
                error={errors.riskMediumFrom}
              />
              <Field
                label="High from"
                name="riskHighFrom"
                type="number"
                min={2}
                max={25}
                step={1}
                defaultValue={data.riskBands.highFrom}
                hint="Default 10."
                error={errors.riskHighFrom}
              />
              <Field
                label="Critical from"
                name="riskCriticalFrom"
                type="number"
                min={2}
                max={25}
                step={1}
                defaultValue={data.riskBands.criticalFrom}
                hint="Default 16."
                error={errors.riskCriticalFrom}
              />
            </div>
          </fieldset>
          <SubmitButton>Save settings</SubmitButton>
        </Form>
      </Card>
    </>
  );
}
