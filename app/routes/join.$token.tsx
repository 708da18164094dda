import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getSessionUser, sessionClient, startSession } from "~/auth/session.server";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { SECTION_HINT_KEYS, SECTION_KEYS, SECTION_LABEL_KEYS } from "~/domain/access-grants";
import { joinNewAccountSchema, joinSignedInSchema } from "~/domain/company-invitation";
import { COMMON_CURRENCIES } from "~/domain/currencies";
import { metaTitle, useLocale, useT } from "~/i18n";
import { dateText, monthRangeText } from "~/i18n/display";
import { getLocale, readLocaleCookie } from "~/i18n/locale.server";
import { messageRef } from "~/i18n/translate";
import { requestAsks } from "~/components/request-asks";
import { acceptCompanyInvitation, ownedStartups, readJoinLink, type JoinAs } from "~/models/company-invitation.server";
import { failureFromError, formFailure, invalidForm, parseForm } from "~/server/forms.server";
import { keepRetryAfter, retryAfterHeader } from "~/server/throttle-answer.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { records_join_accountExists } from "~/paraglide/messages/records_join_accountexists1.js";
import { records_join_askArr } from "~/paraglide/messages/records_join_askarr1.js";
import { records_join_askReport } from "~/paraglide/messages/records_join_askreport1.js";
import { records_join_asks } from "~/paraglide/messages/records_join_asks.js";
import { records_join_changeLater } from "~/paraglide/messages/records_join_changelater1.js";
import { records_join_deadTitle } from "~/paraglide/messages/records_join_deadtitle1.js";
import { records_join_done } from "~/paraglide/messages/records_join_done.js";
import { records_join_expired } from "~/paraglide/messages/records_join_expired.js";
import { records_join_field_company } from "~/paraglide/messages/records_join_field_company.js";
import { records_join_field_companyName } from "~/paraglide/messages/records_join_field_companyname1.js";
import { records_join_field_currency } from "~/paraglide/messages/records_join_field_currency.js";
import { records_join_field_name } from "~/paraglide/messages/records_join_field_name.js";
import { records_join_field_password } from "~/paraglide/messages/records_join_field_password.js";
import { records_join_invalid } from "~/paraglide/messages/records_join_invalid.js";
import { records_join_metaTitle } from "~/paraglide/messages/records_join_metatitle1.js";
import { records_join_newAccount } from "~/paraglide/messages/records_join_newaccount1.js";
import { records_join_newCompany } from "~/paraglide/messages/records_join_newcompany1.js";
import { records_join_notShared } from "~/paraglide/messages/records_join_notshared1.js";
import { records_join_otherAccount } from "~/paraglide/messages/records_join_otheraccount1.js";
import { records_join_passwordHint } from "~/paraglide/messages/records_join_passwordhint1.js";
import { records_join_pending } from "~/paraglide/messages/records_join_pending.js";
import { records_join_sentBy } from "~/paraglide/messages/records_join_sentby1.js";
import { records_join_signIn } from "~/paraglide/messages/records_join_signin1.js";
import { records_join_signInToAnswer } from "~/paraglide/messages/records_join_signintoanswer3.js";
import { records_join_signedInAs } from "~/paraglide/messages/records_join_signedinas2.js";
import { records_join_submit } from "~/paraglide/messages/records_join_submit.js";
import { records_join_submitSignedIn } from "~/paraglide/messages/records_join_submitsignedin2.js";
import { records_join_throttled } from "~/paraglide/messages/records_join_throttled.js";
import { records_join_title } from "~/paraglide/messages/records_join_title.js";
import { records_join_used } from "~/paraglide/messages/records_join_used.js";
import { records_join_whatAsked } from "~/paraglide/messages/records_join_whatasked1.js";
import { records_join_willSee } from "~/paraglide/messages/records_join_willsee1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_join_metaTitle), { name: "robots", content: "noindex" }];
export const headers = keepRetryAfter;

// A fund's invitation link (decision 028): the token is the capability. Opening the page uses
// nothing (a mail scanner that fetches it leaves it working); unknown tokens count against the
// client address's throttle; used, expired and unknown links say so without naming anyone.

const DEAD_STATUS = { used: 410, expired: 410, invalid: 404 } as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const system = await systemContext();
  const link = await readJoinLink(system, params.token ?? "", context.clientIp);
  if (!link.ok) return json({ state: "throttled" as const, view: null, me: null }, { status: 429, headers: retryAfterHeader(link.retryAfterSeconds) });
  if (link.state !== "valid" || !link.view)
    return json({ state: link.state, view: null, me: null }, { status: DEAD_STATUS[link.state as keyof typeof DEAD_STATUS] });
  const user = await getSessionUser(request);
  const me = user ? { email: user.email, sameAddress: user.email.toLowerCase() === link.view.email, companies: await ownedStartups(system, user.id) } : null;
  return json({ state: "valid" as const, view: link.view, me, here: new URL(request.url).pathname });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const token = params.token ?? "";
  const system = await systemContext();
  const link = await readJoinLink(system, token, context.clientIp);
  if (!link.ok) {
    const response = formFailure({ locale, status: 429, formError: messageRef(records_join_throttled) });
    response.headers.set("Retry-After", retryAfterHeader(link.retryAfterSeconds)["Retry-After"]);
    return response;
  }
  if (link.state !== "valid")
    return json({ ok: false as const, state: link.state, fieldErrors: {}, formError: undefined }, { status: DEAD_STATUS[link.state] });
  const formData = await request.formData();
  const user = await getSessionUser(request);
  let who: JoinAs;
  if (user) {
    const parsed = parseForm(joinSignedInSchema(), formData);
    if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
    who = { kind: "signed-in", user, ...parsed.data };
  } else {
    const parsed = parseForm(joinNewAccountSchema(), formData);
    if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
    who = { kind: "new", ...parsed.data, locale: readLocaleCookie(request) };
  }
  try {
    const joined = await acceptCompanyInvitation(system, token, who, context.clientIp);
    if (!joined.ok) return json({ ok: false as const, state: joined.state, fieldErrors: {}, formError: undefined }, { status: DEAD_STATUS[joined.state] });
    const to = `/o/${joined.orgSlug}/reports/${joined.month}`;
    const welcome = toast(records_join_done, { fund: link.view?.fundName ?? "" });
    if (!joined.newAccount) return redirectWithToast(to, welcome);
    const cookie = await startSession(joined.userId, sessionClient(request, context.clientIp));
    return redirectWithToast(to, welcome, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

const DEAD_TEXT = { used: records_join_used, expired: records_join_expired, invalid: records_join_invalid, throttled: records_join_throttled } as const;

export default function Join() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const state = result && "state" in result && result.state ? result.state : data.state;
  if (state !== "valid" || !data.view) {
    return (
      <AuthShell title={t(records_join_deadTitle)}>
        <div role="alert" className="space-y-4 text-sm text-slate-700">
          <p>{t(DEAD_TEXT[state as keyof typeof DEAD_TEXT])}</p>
          <TextLink className="font-medium" to="/login">
            {t(records_join_signIn)}
          </TextLink>
        </div>
      </AuthShell>
    );
  }
  const view = data.view;
  const failed = result && !result.ok ? result : null;
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const typed: Record<string, string> = (failed && "values" in failed ? failed.values : undefined) ?? {};
  const unshared = SECTION_KEYS.filter((s) => !view.sections.includes(s));
  return (
    <AuthShell title={t(records_join_title, { fund: view.fundName })}>
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          {t(records_join_asks, {
            fund: view.fundName,
            company: view.companyName,
            period: monthRangeText(locale, view.monthFrom, view.monthTo),
            due: dateText(locale, view.dueOn),
          })}
        </p>
        {view.inviterEmail ? <p className="text-xs text-slate-600">{t(records_join_sentBy, { email: view.inviterEmail, to: view.email })}</p> : null}
        <div>
          <p className="font-medium">{t(records_join_whatAsked)}</p>
          <ul className="ml-5 list-disc">
            {requestAsks(locale, view.asks, { report: t(records_join_askReport), arr: t(records_join_askArr) }).map((ask, i) => (
              <li key={i}>{ask}</li>
            ))}
          </ul>
        </div>
        {view.note ? <p className="whitespace-pre-line">{view.note}</p> : null}
        <section aria-labelledby="join-sees" className="rounded-md border border-indigo-200 bg-indigo-50 p-3" data-testid="join-sections">
          <p id="join-sees" className="font-medium">
            {t(records_join_willSee, { fund: view.fundName })}
          </p>
          <ul className="ml-5 list-disc">
            {view.sections.map((s) => (
              <li key={s} data-section={s}>
                <strong>{t(SECTION_LABEL_KEYS[s])}</strong> — {t(SECTION_HINT_KEYS[s])}
              </li>
            ))}
          </ul>
          {unshared.length > 0 ? (
            <p className="mt-2">{t(records_join_notShared, { sections: unshared.map((s) => t(SECTION_LABEL_KEYS[s])).join(", ") })}</p>
          ) : null}
          <p className="mt-2">{t(records_join_changeLater)}</p>
        </section>
        <FormError error={failed?.formError} />
        {data.me === null ? (
          view.accountExists ? (
            <div className="space-y-3">
              <p>{t(records_join_accountExists, { email: view.email })}</p>
              <Link
                className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white"
                to={`/login?redirectTo=${encodeURIComponent(data.here ?? "")}`}
              >
                {t(records_join_signInToAnswer)}
              </Link>
            </div>
          ) : (
            <Form method="post" className="space-y-4" noValidate>
              <p>{t(records_join_newAccount, { email: view.email })}</p>
              <Field label={t(records_join_field_name)} name="name" autoComplete="name" required defaultValue={typed.name ?? ""} error={errors.name} />
              <Field
                label={t(records_join_field_password)}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                hint={t(records_join_passwordHint)}
                error={errors.password}
              />
              <CompanyFields typed={typed} errors={errors} companyName={view.companyName} />
              <SubmitButton pendingText={t(records_join_pending)}>{t(records_join_submit)}</SubmitButton>
            </Form>
          )
        ) : data.me.sameAddress ? (
          <Form method="post" className="space-y-4" noValidate>
            <p>{t(records_join_signedInAs, { email: data.me.email })}</p>
            <fieldset>
              <legend className="font-medium">{t(records_join_field_company)}</legend>
              {data.me.companies.map((c) => (
                <label key={c.id} className="mt-1 flex items-center gap-2">
                  <input type="radio" name="company" value={c.id} defaultChecked={typed.company === c.id} /> {c.name}
                </label>
              ))}
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="company" value="new" defaultChecked={!typed.company || typed.company === "new"} /> {t(records_join_newCompany)}
              </label>
              {errors.company ? <p className="mt-1 text-sm text-red-700">{errors.company}</p> : null}
            </fieldset>
            <CompanyFields typed={typed} errors={errors} companyName={view.companyName} />
            <SubmitButton pendingText={t(records_join_pending)}>{t(records_join_submitSignedIn)}</SubmitButton>
          </Form>
        ) : (
          <p role="alert">{t(records_join_otherAccount, { email: data.me.email, to: view.email })}</p>
        )}
      </div>
    </AuthShell>
  );
}

function CompanyFields({ typed, errors, companyName }: { typed: Record<string, string>; errors: Record<string, string>; companyName: string }) {
  const t = useT();
  return (
    <>
      <Field label={t(records_join_field_companyName)} name="companyName" defaultValue={typed.companyName ?? companyName} error={errors.companyName} />
      <SelectField
        label={t(records_join_field_currency)}
        name="baseCurrency"
        defaultValue={typed.baseCurrency ?? "USD"}
        error={errors.baseCurrency}
        options={COMMON_CURRENCIES.map((c) => ({ value: c, label: c }))}
      />
    </>
  );
}
