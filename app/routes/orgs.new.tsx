import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { requireSystemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { messageRef, metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { COMMON_CURRENCIES } from "~/lib/currencies";
import { formFailure, parseForm } from "~/lib/forms.server";
import { currencyField, nameField } from "~/lib/fields";
import { createOrg } from "~/models/org.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "auth.newOrg.metaTitle")];

const OrgSchema = z.object({
  name: nameField("auth.newOrg.nameInSentence"),
  kind: z.enum(["startup", "investor"], { error: messageRef("auth.newOrg.kindRequired") }),
  baseCurrency: currencyField,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const parsed = parseForm(OrgSchema, await request.formData(), getLocale(request));
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors });
  const org = await createOrg(account, account.user, parsed.data);
  return redirect(`/o/${org.slug}`);
}

export default function NewOrg() {
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <AuthShell title={t("auth.newOrg.title")}>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result && !result.ok ? result.formError : undefined} />
        <Field label={t("auth.newOrg.name")} name="name" required error={errors.name} />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t("auth.newOrg.kind")}</legend>
          <div className="mt-2 space-y-2">
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="startup" defaultChecked className="mt-1" />
              <span>
                <strong>{t("auth.newOrg.startup")}</strong> — {t("auth.newOrg.startupHelp")}
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="investor" className="mt-1" />
              <span>
                <strong>{t("auth.newOrg.investor")}</strong> — {t("auth.newOrg.investorHelp")}
              </span>
            </label>
          </div>
          {errors.kind ? <p className="mt-1 text-sm text-red-700">{errors.kind}</p> : null}
        </fieldset>
        <SelectField
          label={t("auth.newOrg.baseCurrency")}
          name="baseCurrency"
          defaultValue="USD"
          error={errors.baseCurrency}
          options={COMMON_CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <SubmitButton pendingText={t("common.action.creating")}>{t("auth.newOrg.submit")}</SubmitButton>
      </Form>
    </AuthShell>
  );
}
