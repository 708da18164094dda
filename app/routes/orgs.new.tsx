import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { requireSystemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { failureOf, Field, SelectField, SubmitButton } from "~/components/ui/form";
import { AuthForm } from "~/components/auth-form";
import { metaTitle, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { COMMON_CURRENCIES } from "~/domain/currencies";
import { formFailure, parseForm } from "~/server/forms.server";
import { currencyField, nameField } from "~/domain/base-fields";
import { createOrg } from "~/models/org.server";
import { auth_newOrg_baseCurrency } from "~/paraglide/messages/auth_neworg_basecurrency2.js";
import { auth_newOrg_investor } from "~/paraglide/messages/auth_neworg_investor1.js";
import { auth_newOrg_investorHelp } from "~/paraglide/messages/auth_neworg_investorhelp2.js";
import { auth_newOrg_kind } from "~/paraglide/messages/auth_neworg_kind1.js";
import { auth_newOrg_kindRequired } from "~/paraglide/messages/auth_neworg_kindrequired2.js";
import { auth_newOrg_metaTitle } from "~/paraglide/messages/auth_neworg_metatitle2.js";
import { auth_newOrg_name } from "~/paraglide/messages/auth_neworg_name1.js";
import { auth_newOrg_nameInSentence } from "~/paraglide/messages/auth_neworg_nameinsentence3.js";
import { auth_newOrg_startup } from "~/paraglide/messages/auth_neworg_startup1.js";
import { auth_newOrg_startupHelp } from "~/paraglide/messages/auth_neworg_startuphelp2.js";
import { auth_newOrg_submit } from "~/paraglide/messages/auth_neworg_submit1.js";
import { auth_newOrg_title } from "~/paraglide/messages/auth_neworg_title1.js";
import { common_action_creating } from "~/paraglide/messages/common_action_creating.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_newOrg_metaTitle)];

const OrgSchema = z.object({
  name: nameField(auth_newOrg_nameInSentence),
  kind: z.enum(["startup", "investor"], { error: zodMessage(auth_newOrg_kindRequired) }),
  baseCurrency: currencyField,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const parsed = parseForm(OrgSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale: getLocale(request), fieldErrors: parsed.fieldErrors });
  const org = await createOrg(account, account.user, parsed.data);
  return redirect(`/o/${org.slug}`);
}

export default function NewOrg() {
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const t = useT();
  return (
    <AuthShell title={t(auth_newOrg_title)}>
      <AuthForm formError={formError}>
        <Field label={t(auth_newOrg_name)} name="name" required error={errors.name} />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t(auth_newOrg_kind)}</legend>
          <div className="mt-2 space-y-2">
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="startup" defaultChecked className="mt-1" />
              <span>
                <strong>{t(auth_newOrg_startup)}</strong> — {t(auth_newOrg_startupHelp)}
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="investor" className="mt-1" />
              <span>
                <strong>{t(auth_newOrg_investor)}</strong> — {t(auth_newOrg_investorHelp)}
              </span>
            </label>
          </div>
          {errors.kind ? <p className="mt-1 text-sm text-red-700">{errors.kind}</p> : null}
        </fieldset>
        <SelectField
          label={t(auth_newOrg_baseCurrency)}
          name="baseCurrency"
          defaultValue="USD"
          error={errors.baseCurrency}
          options={COMMON_CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <SubmitButton pendingText={t(common_action_creating)}>{t(auth_newOrg_submit)}</SubmitButton>
      </AuthForm>
    </AuthShell>
  );
}
