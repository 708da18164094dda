import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireSystemContext } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { messageRef, metaTitle, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { findMembershipBySlug } from "~/models/org.server";
import { confirmEnrolment, disableTwoFactor, getTwoFactorState, regenerateRecoveryCodes, startEnrolment } from "~/models/two-factor.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { TotpKeyMissing, totpEncryptionConfigured } from "~/server/totp-crypto.server";
import { auth_twoFactor_code } from "~/paraglide/messages/auth_twofactor_code1.js";
import { auth_twoFactor_codeInvalid } from "~/paraglide/messages/auth_twofactor_codeinvalid2.js";
import { auth_twoFactor_codesHelp } from "~/paraglide/messages/auth_twofactor_codeshelp2.js";
import { auth_twoFactor_codesTitle } from "~/paraglide/messages/auth_twofactor_codestitle2.js";
import { auth_twoFactor_codeWrong } from "~/paraglide/messages/auth_twofactor_codewrong2.js";
import { auth_twoFactor_confirm } from "~/paraglide/messages/auth_twofactor_confirm1.js";
import { auth_twoFactor_disable } from "~/paraglide/messages/auth_twofactor_disable1.js";
import { auth_twoFactor_disabled } from "~/paraglide/messages/auth_twofactor_disabled1.js";
import { auth_twoFactor_enabled } from "~/paraglide/messages/auth_twofactor_enabled1.js";
import { auth_twoFactor_intentInvalid } from "~/paraglide/messages/auth_twofactor_intentinvalid2.js";
import { auth_twoFactor_metaTitle } from "~/paraglide/messages/auth_twofactor_metatitle2.js";
import { auth_twoFactor_off } from "~/paraglide/messages/auth_twofactor_off1.js";
import { auth_twoFactor_on } from "~/paraglide/messages/auth_twofactor_on1.js";
import { auth_twoFactor_pending } from "~/paraglide/messages/auth_twofactor_pending1.js";
import { auth_twoFactor_proof } from "~/paraglide/messages/auth_twofactor_proof1.js";
import { auth_twoFactor_proofRequired } from "~/paraglide/messages/auth_twofactor_proofrequired2.js";
import { auth_twoFactor_proofWrong } from "~/paraglide/messages/auth_twofactor_proofwrong2.js";
import { auth_twoFactor_qrAlt } from "~/paraglide/messages/auth_twofactor_qralt2.js";
import { auth_twoFactor_regenerate } from "~/paraglide/messages/auth_twofactor_regenerate1.js";
import { auth_twoFactor_regenerateHelp } from "~/paraglide/messages/auth_twofactor_regeneratehelp2.js";
import { auth_twoFactor_requiredBy } from "~/paraglide/messages/auth_twofactor_requiredby2.js";
import { auth_twoFactor_scan } from "~/paraglide/messages/auth_twofactor_scan1.js";
import { auth_twoFactor_secret } from "~/paraglide/messages/auth_twofactor_secret1.js";
import { auth_twoFactor_start } from "~/paraglide/messages/auth_twofactor_start1.js";
import { auth_twoFactor_title } from "~/paraglide/messages/auth_twofactor_title1.js";
import { auth_twoFactor_unconfigured } from "~/paraglide/messages/auth_twofactor_unconfigured1.js";

/** A person's own two-factor sign-in (decision 021): enrol with an authenticator app, recovery codes, turn it off. */
export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_twoFactor_metaTitle)];

const IntentSchema = z.object({
  intent: z.enum(["start", "confirm", "regenerate", "disable"], { error: zodMessage(auth_twoFactor_intentInvalid) }),
});
const ConfirmSchema = z.object({
  code: z
    .string({ error: zodMessage(auth_twoFactor_codeInvalid) })
    .trim()
    .regex(/^\d{3} ?\d{3}$/, zodMessage(auth_twoFactor_codeInvalid)),
});
const ProofSchema = z.object({
  proof: z
    .string({ error: zodMessage(auth_twoFactor_proofRequired) })
    .min(1, zodMessage(auth_twoFactor_proofRequired))
    .max(200, zodMessage(auth_twoFactor_proofWrong)),
});

/** `?for=<org slug>`: the org whose "members must use two-factor" sent the person here. */
async function requiringOrg(account: Awaited<ReturnType<typeof requireSystemContext>>, request: Request) {
  const slug = new URL(request.url).searchParams.get("for");
  if (!slug) return null;
  const membership = await findMembershipBySlug(account.db, account.user.id, slug);
  return membership ? { slug: membership.org.slug, name: membership.org.name } : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemContext(request);
  const configured = totpEncryptionConfigured();
  const state = configured ? await getTwoFactorState(account) : { status: "off" as const };
  return json({ configured, state, requiredBy: await requiringOrg(account, request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const locale = getLocale(request);
  const form = await request.formData();
  const intent = parseForm(IntentSchema, form);
  if (!intent.ok) return formFailure({ locale, fieldErrors: intent.fieldErrors });
  const mail = { origin: context.origin, locale };
  const here = `/account/two-factor${new URL(request.url).search}`;
  switch (intent.data.intent) {
    case "start": {
      try {
        await startEnrolment(account);
      } catch (error) {
        if (error instanceof TotpKeyMissing) return formFailure({ locale, formError: messageRef(auth_twoFactor_unconfigured), status: 409 });
        throw error;
      }
      return redirect(here);
    }
    case "confirm": {
      const parsed = parseForm(ConfirmSchema, form);
      if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
      const done = await confirmEnrolment(account, parsed.data.code, context.clientIp, mail);
      if (!done.ok) {
        if (done.reason === "throttled") return passwordAttemptRefused(locale, done.retryAfterSeconds);
        return formFailure({ locale, fieldErrors: { code: messageRef(auth_twoFactor_codeWrong) } });
      }
      return json({ ok: true as const, codes: done.value, enabled: true });
    }
    case "regenerate":
    case "disable": {
      const parsed = parseForm(ProofSchema, form);
      if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
      const change = intent.data.intent === "disable" ? disableTwoFactor : regenerateRecoveryCodes;
      const done = await change(account, parsed.data.proof, context.clientIp, mail);
      if (!done.ok) {
        if (done.reason === "throttled") return passwordAttemptRefused(locale, done.retryAfterSeconds);
        return formFailure({ locale, fieldErrors: { proof: messageRef(auth_twoFactor_proofWrong) } });
      }
      if (done.value === true) return redirectWithToast(here, toast(auth_twoFactor_disabled));
      return json({ ok: true as const, codes: done.value, enabled: false });
    }
  }
}

export default function TwoFactor() {
  const { configured, state, requiredBy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const failure = result && !result.ok ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const codes = result?.ok ? result.codes : null;
  return (
    <AuthShell title={t(auth_twoFactor_title)}>
      {requiredBy && state.status !== "on" ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {t(auth_twoFactor_requiredBy, { org: requiredBy.name })}
        </p>
      ) : null}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          enabled={result?.ok ? result.enabled : false}
          continueTo={requiredBy ? { to: `/o/${requiredBy.slug}`, name: requiredBy.name } : null}
        />
      ) : null}
      {!configured ? (
        <p className="text-sm text-slate-700">{t(auth_twoFactor_unconfigured)}</p>
      ) : state.status === "off" ? (
        <Form method="post" className="space-y-4" noValidate>
          <p className="text-sm text-slate-700">{t(auth_twoFactor_off)}</p>
          <FormError error={failure?.formError} />
          <SubmitButton intent="start">{t(auth_twoFactor_start)}</SubmitButton>
        </Form>
      ) : state.status === "enrolling" ? (
        <Form method="post" className="space-y-4" noValidate>
          <p className="text-sm text-slate-700">{t(auth_twoFactor_scan)}</p>
          <img src={state.qr} alt={t(auth_twoFactor_qrAlt)} width={192} height={192} className="rounded border border-slate-200" />
          <div>
            <p className="text-sm font-medium text-slate-700">{t(auth_twoFactor_secret)}</p>
            <code data-testid="totp-secret" className="mt-1 block break-all rounded bg-slate-100 p-2 text-sm tracking-wider">
              {state.secret.match(/.{1,4}/g)?.join(" ")}
            </code>
          </div>
          <FormError error={failure?.formError} />
          <Field label={t(auth_twoFactor_code)} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={errors.code} />
          <SubmitButton intent="confirm" pendingText={t(auth_twoFactor_pending)}>
            {t(auth_twoFactor_confirm)}
          </SubmitButton>
        </Form>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-700">{t(auth_twoFactor_on, { count: state.recoveryCodesLeft })}</p>
          <Form method="post" className="space-y-4" noValidate>
            <FormError error={failure?.formError} />
            <Field
              label={t(auth_twoFactor_proof)}
              name="proof"
              type="password"
              autoComplete="current-password"
              hint={t(auth_twoFactor_regenerateHelp)}
              error={errors.proof}
            />
            <div className="flex flex-wrap gap-3">
              <SubmitButton intent="regenerate" pendingText={t(auth_twoFactor_pending)}>
                {t(auth_twoFactor_regenerate)}
              </SubmitButton>
              <SubmitButton intent="disable" variant="danger" pendingText={t(auth_twoFactor_pending)}>
                {t(auth_twoFactor_disable)}
              </SubmitButton>
            </div>
          </Form>
        </div>
      )}
      <AccountLinks current="two-factor" />
    </AuthShell>
  );
}

function RecoveryCodes({ codes, enabled, continueTo }: { codes: string[]; enabled: boolean; continueTo: { to: string; name: string } | null }) {
  const t = useT();
  return (
    <section aria-labelledby="recovery-codes" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
      {enabled ? <p className="font-medium">{t(auth_twoFactor_enabled)}</p> : null}
      <h2 id="recovery-codes" className="mt-1 font-semibold">
        {t(auth_twoFactor_codesTitle)}
      </h2>
      <p className="mt-1">{t(auth_twoFactor_codesHelp)}</p>
      <ul data-testid="recovery-codes" className="mt-2 grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {continueTo ? (
        <Link to={continueTo.to} className="mt-3 inline-block font-medium text-indigo-700 underline">
          {continueTo.name}
        </Link>
      ) : null}
    </section>
  );
}
