import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { failureOf, Field, FieldError, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { metaTitle, useFormat, useT, zodMessage, type Translator } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { DEFAULT_RISK_BANDS, validateRiskBands, type RiskBandThresholds } from "~/finance";
import { currencyField, nameField } from "~/domain/base-fields";
import { getOrgSettings, updateOrgSettings } from "~/models/org.server";
import { listOrgMail } from "~/models/mail-outbox.server";
import { DELETION_GRACE_DAYS } from "~/models/org-deletion.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { admin_settings_band_critical } from "~/paraglide/messages/admin_settings_band_critical.js";
import { admin_settings_band_high } from "~/paraglide/messages/admin_settings_band_high.js";
import { admin_settings_band_medium } from "~/paraglide/messages/admin_settings_band_medium.js";
import { admin_settings_bands_criticalFrom } from "~/paraglide/messages/admin_settings_bands_criticalfrom1.js";
import { admin_settings_bands_default } from "~/paraglide/messages/admin_settings_bands_default.js";
import { admin_settings_bands_help } from "~/paraglide/messages/admin_settings_bands_help.js";
import { admin_settings_bands_highFrom } from "~/paraglide/messages/admin_settings_bands_highfrom1.js";
import { admin_settings_bands_legend } from "~/paraglide/messages/admin_settings_bands_legend.js";
import { admin_settings_bands_mediumFrom } from "~/paraglide/messages/admin_settings_bands_mediumfrom1.js";
import { admin_settings_bands_text } from "~/paraglide/messages/admin_settings_bands_text.js";
import { admin_settings_baseCurrency } from "~/paraglide/messages/admin_settings_basecurrency1.js";
import { admin_settings_error_allThree } from "~/paraglide/messages/admin_settings_error_allthree1.js";
import { admin_settings_error_bandInvalid } from "~/paraglide/messages/admin_settings_error_bandinvalid1.js";
import { admin_settings_error_bandRequired } from "~/paraglide/messages/admin_settings_error_bandrequired1.js";
import { admin_settings_error_bandsOrder } from "~/paraglide/messages/admin_settings_error_bandsorder1.js";
import { admin_settings_error_criticalAboveHigh } from "~/paraglide/messages/admin_settings_error_criticalabovehigh2.js";
import { admin_settings_error_highAboveMedium } from "~/paraglide/messages/admin_settings_error_highabovemedium2.js";
import { admin_settings_error_percentInvalid } from "~/paraglide/messages/admin_settings_error_percentinvalid1.js";
import { admin_settings_error_percentRequired } from "~/paraglide/messages/admin_settings_error_percentrequired1.js";
import { admin_settings_export_body } from "~/paraglide/messages/admin_settings_export_body.js";
import { admin_settings_export_download } from "~/paraglide/messages/admin_settings_export_download.js";
import { admin_settings_export_title } from "~/paraglide/messages/admin_settings_export_title.js";
import { admin_settings_metaTitle } from "~/paraglide/messages/admin_settings_metatitle1.js";
import { admin_settings_name } from "~/paraglide/messages/admin_settings_name.js";
import { admin_settings_nameInSentence } from "~/paraglide/messages/admin_settings_nameinsentence2.js";
import { admin_settings_saved } from "~/paraglide/messages/admin_settings_saved.js";
import { admin_settings_submit } from "~/paraglide/messages/admin_settings_submit.js";
import { admin_settings_threshold } from "~/paraglide/messages/admin_settings_threshold.js";
import { admin_settings_thresholdHint } from "~/paraglide/messages/admin_settings_thresholdhint1.js";
import { admin_settings_title } from "~/paraglide/messages/admin_settings_title.js";
import { admin_settings_mail_attempts } from "~/paraglide/messages/admin_settings_mail_attempts.js";
import { admin_settings_mail_help } from "~/paraglide/messages/admin_settings_mail_help.js";
import { mailKindLabel } from "~/domain/mail-kinds";
import { admin_settings_mail_kind } from "~/paraglide/messages/admin_settings_mail_kind.js";
import { admin_settings_mail_lastError } from "~/paraglide/messages/admin_settings_mail_lasterror1.js";
import { admin_settings_mail_none } from "~/paraglide/messages/admin_settings_mail_none.js";
import { admin_settings_mail_status } from "~/paraglide/messages/admin_settings_mail_status.js";
import { admin_settings_mail_status_failed } from "~/paraglide/messages/admin_settings_mail_status_failed.js";
import { admin_settings_mail_status_held } from "~/paraglide/messages/admin_settings_mail_status_held.js";
import { admin_settings_mail_status_queued } from "~/paraglide/messages/admin_settings_mail_status_queued.js";
import { admin_settings_mail_status_retrying } from "~/paraglide/messages/admin_settings_mail_status_retrying.js";
import { admin_settings_mail_status_sent } from "~/paraglide/messages/admin_settings_mail_status_sent.js";
import { admin_settings_mail_subject } from "~/paraglide/messages/admin_settings_mail_subject.js";
import { admin_settings_mail_time } from "~/paraglide/messages/admin_settings_mail_time.js";
import { admin_settings_mail_title } from "~/paraglide/messages/admin_settings_mail_title.js";
import { admin_settings_mail_to } from "~/paraglide/messages/admin_settings_mail_to.js";
import { admin_settings_twoFactor_hint } from "~/paraglide/messages/admin_settings_twofactor_hint1.js";
import { admin_settings_twoFactor_invalid } from "~/paraglide/messages/admin_settings_twofactor_invalid1.js";
import { admin_settings_twoFactor_label } from "~/paraglide/messages/admin_settings_twofactor_label1.js";
import { deletion_settings_heading } from "~/paraglide/messages/deletion_settings_heading.js";
import { deletion_settings_link } from "~/paraglide/messages/deletion_settings_link.js";
import { deletion_settings_text } from "~/paraglide/messages/deletion_settings_text.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, admin_settings_metaTitle)];

type Band = "medium" | "high" | "critical";

/** The lowest score of a risk band: a whole number 2–25 (a score is likelihood × impact, 1–25). */
const bandField = (band: Band) =>
  z
    .string({
      error: zodMessage(admin_settings_error_bandRequired, {
        band: { critical: admin_settings_band_critical, high: admin_settings_band_high, medium: admin_settings_band_medium }[band],
      }),
    })
    .trim()
    .regex(
      /^\d{1,2}$/,
      zodMessage(admin_settings_error_bandInvalid, {
        band: { critical: admin_settings_band_critical, high: admin_settings_band_high, medium: admin_settings_band_medium }[band],
      }),
    )
    .transform(Number)
    .refine(
      (n) => n >= 2 && n <= 25,
      zodMessage(admin_settings_error_bandInvalid, {
        band: { critical: admin_settings_band_critical, high: admin_settings_band_high, medium: admin_settings_band_medium }[band],
      }),
    )
    .optional();

function scoreRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** An org's bands in words, e.g. "1–4 low, 5–9 medium, 10–15 high, 16–25 critical" (as ~/domain/risk-labels says them in English). */
function bandsText(t: Translator, bands: RiskBandThresholds = DEFAULT_RISK_BANDS): string {
  return t(admin_settings_bands_text, {
    low: scoreRange(1, bands.mediumFrom - 1),
    medium: scoreRange(bands.mediumFrom, bands.highFrom - 1),
    high: scoreRange(bands.highFrom, bands.criticalFrom - 1),
    critical: scoreRange(bands.criticalFrom, 25),
  });
}

const BAND_FIELDS = ["riskMediumFrom", "riskHighFrom", "riskCriticalFrom"] as const;

const SettingsSchema = z
  .object({
    name: nameField(admin_settings_nameInSentence),
    baseCurrency: currencyField,
    // A plain decimal with at most two places (stored as basis points): not "", "0x10" or "1e2", which z.coerce would take.
    budgetOverrunThresholdPercent: z
      .string({ error: zodMessage(admin_settings_error_percentRequired) })
      .trim()
      .min(1, zodMessage(admin_settings_error_percentRequired))
      .regex(/^\d{1,3}(\.\d{1,2})?$/, zodMessage(admin_settings_error_percentInvalid))
      .transform(Number)
      .refine((n) => n <= 100, zodMessage(admin_settings_error_percentInvalid)),
    // Risk bands. Left out altogether (an older client): the org's bands stay as they are.
    riskMediumFrom: bandField("medium"),
    riskHighFrom: bandField("high"),
    riskCriticalFrom: bandField("critical"),
    // A checkbox: "on" when ticked, absent when not (decision 021).
    requireTwoFactor: z
      .literal("on", { error: zodMessage(admin_settings_twoFactor_invalid) })
      .optional()
      .transform((v) => v === "on"),
  })
  .superRefine((form, issues) => {
    const given = BAND_FIELDS.filter((f) => form[f] !== undefined);
    if (given.length === 0) return;
    if (given.length < BAND_FIELDS.length) {
      for (const f of BAND_FIELDS) {
        if (form[f] === undefined) issues.addIssue({ code: "custom", path: [f], message: zodMessage(admin_settings_error_allThree) });
      }
      return;
    }
    const [mediumFrom, highFrom, criticalFrom] = BAND_FIELDS.map((f) => form[f]);
    // A field already refused on its own (not a number yet) has its message; compare only whole scores.
    if (typeof mediumFrom !== "number" || typeof highFrom !== "number" || typeof criticalFrom !== "number") return;
    const bands = { mediumFrom, highFrom, criticalFrom };
    try {
      validateRiskBands(bands);
    } catch {
      if (bands.highFrom <= bands.mediumFrom) {
        issues.addIssue({ code: "custom", path: ["riskHighFrom"], message: zodMessage(admin_settings_error_highAboveMedium, { medium: bands.mediumFrom }) });
      } else if (bands.criticalFrom <= bands.highFrom) {
        issues.addIssue({ code: "custom", path: ["riskCriticalFrom"], message: zodMessage(admin_settings_error_criticalAboveHigh, { high: bands.highFrom }) });
      } else {
        issues.addIssue({ code: "custom", path: ["riskMediumFrom"], message: zodMessage(admin_settings_error_bandsOrder) });
      }
    }
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const org = await getOrgSettings(ctx);
  // Delivery of the org's own mail (decision 016); owners and admins only, as this page.
  const mail = await listOrgMail(ctx);
  return json({
    mail,
    slug: ctx.org.slug,
    name: org.name,
    baseCurrency: org.baseCurrency,
    thresholdPercent: org.budgetOverrunThresholdBp / 100,
    requireTwoFactor: org.requireTwoFactor,
    riskBands: { mediumFrom: org.riskMediumFrom, highFrom: org.riskHighFrom, criticalFrom: org.riskCriticalFrom },
    canDelete: can(ctx.role, "delete:org"),
    deletionGraceDays: DELETION_GRACE_DAYS,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "manage:members");
  const locale = getLocale(request);
  const parsed = parseForm(SettingsSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const { riskMediumFrom, riskHighFrom, riskCriticalFrom } = parsed.data;
  try {
    await updateOrgSettings(ctx, {
      name: parsed.data.name,
      baseCurrency: parsed.data.baseCurrency,
      budgetOverrunThresholdBp: Math.round(parsed.data.budgetOverrunThresholdPercent * 100),
      requireTwoFactor: parsed.data.requireTwoFactor,
      riskBands:
        riskMediumFrom !== undefined && riskHighFrom !== undefined && riskCriticalFrom !== undefined
          ? { mediumFrom: riskMediumFrom, highFrom: riskHighFrom, criticalFrom: riskCriticalFrom }
          : undefined,
    });
  } catch (error) {
    return failureFromError(error, locale);
  }
  return redirectWithToast(`/o/${ctx.org.slug}/settings`, toast(admin_settings_saved));
}

/** The score each risk band starts from: the band, its form field and its label. */
const RISK_BAND_FIELDS = [
  ["mediumFrom", "riskMediumFrom", admin_settings_bands_mediumFrom],
  ["highFrom", "riskHighFrom", admin_settings_bands_highFrom],
  ["criticalFrom", "riskCriticalFrom", admin_settings_bands_criticalFrom],
] as const;

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  return (
    <>
      <PageHeader title={t(admin_settings_title)} />
      <Card>
        <Form method="post" className="max-w-md space-y-4" noValidate>
          <FormError error={formError} />
          <Field label={t(admin_settings_name)} name="name" defaultValue={data.name} error={errors.name} />
          <Field label={t(admin_settings_baseCurrency)} name="baseCurrency" defaultValue={data.baseCurrency} maxLength={3} error={errors.baseCurrency} />
          <Field
            label={t(admin_settings_threshold)}
            name="budgetOverrunThresholdPercent"
            type="number"
            step="0.01"
            defaultValue={data.thresholdPercent}
            hint={t(admin_settings_thresholdHint)}
            error={errors.budgetOverrunThresholdPercent}
          />
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium text-slate-700">{t(admin_settings_bands_legend)}</legend>
            <p className="text-xs text-slate-500">{t(admin_settings_bands_help, { now: bandsText(t, data.riskBands), default: bandsText(t) })}</p>
            <div className="grid grid-cols-3 gap-3">
              {RISK_BAND_FIELDS.map(([band, name, label]) => (
                <Field
                  key={band}
                  label={t(label)}
                  name={name}
                  type="number"
                  min={2}
                  max={25}
                  step={1}
                  defaultValue={data.riskBands[band]}
                  hint={t(admin_settings_bands_default, { score: DEFAULT_RISK_BANDS[band] })}
                  error={errors[name]}
                />
              ))}
            </div>
          </fieldset>
          <div>
            <div className="flex items-start gap-2">
              <input
                id="requireTwoFactor"
                name="requireTwoFactor"
                type="checkbox"
                defaultChecked={data.requireTwoFactor}
                aria-describedby={errors.requireTwoFactor ? "requireTwoFactor-hint requireTwoFactor-error" : "requireTwoFactor-hint"}
                aria-invalid={errors.requireTwoFactor ? true : undefined}
                className="mt-1"
              />
              <label htmlFor="requireTwoFactor" className="text-sm font-medium text-slate-700">
                {t(admin_settings_twoFactor_label)}
              </label>
            </div>
            <p id="requireTwoFactor-hint" className="mt-1 text-xs text-slate-500">
              {t(admin_settings_twoFactor_hint)}
            </p>
            <FieldError id="requireTwoFactor-error" error={errors.requireTwoFactor} />
          </div>
          <SubmitButton>{t(admin_settings_submit)}</SubmitButton>
        </Form>
      </Card>
      <div className="mt-6">
        <Card title={t(admin_settings_export_title)}>
          <p className="max-w-2xl text-sm text-slate-600">{t(admin_settings_export_body)}</p>
          <a
            href={`/o/${data.slug}/export.zip`}
            className="mt-4 inline-block rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-indigo-700"
            download
          >
            {t(admin_settings_export_download)}
          </a>
        </Card>
      </div>
      <div className="mt-6">
        <MailCard mail={data.mail} />
      </div>
      {data.canDelete ? (
        <div className="mt-6">
          <Card title={t(deletion_settings_heading)}>
            <p className="text-sm text-slate-700">{t(deletion_settings_text, { count: data.deletionGraceDays })}</p>
            <Link to="../delete" relative="path" className="mt-3 inline-block text-sm font-semibold text-red-700 underline">
              {t(deletion_settings_link)}
            </Link>
          </Card>
        </div>
      ) : null}
    </>
  );
}

const STATUS_LABEL = {
  queued: admin_settings_mail_status_queued,
  retrying: admin_settings_mail_status_retrying,
  sent: admin_settings_mail_status_sent,
  failed: admin_settings_mail_status_failed,
  held: admin_settings_mail_status_held,
} as const;
const STATUS_TONE = { queued: "neutral", retrying: "warn", sent: "good", failed: "bad", held: "neutral" } as const;

/** The org's recent mail and its delivery status (never the message itself). */
function MailCard({ mail }: { mail: ReturnType<typeof useLoaderData<typeof loader>>["mail"] }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card title={t(admin_settings_mail_title)}>
      <p className="max-w-2xl text-sm text-slate-600">{t(admin_settings_mail_help)}</p>
      {mail.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t(admin_settings_mail_none)}</p>
      ) : (
        <Table caption={t(admin_settings_mail_title)} className="mt-3 min-w-full text-sm">
          <ColumnHeads
            heads={[
              t(admin_settings_mail_to),
              t(admin_settings_mail_subject),
              t(admin_settings_mail_kind),
              t(admin_settings_mail_status),
              { label: t(admin_settings_mail_attempts), numeric: true },
              t(admin_settings_mail_lastError),
              t(admin_settings_mail_time),
            ]}
          />
          <tbody>
            {mail.map((m) => (
              <Tr key={m.id} top>
                <Td>{m.toEmail}</Td>
                <Td>{m.subject}</Td>
                <Td>{t(mailKindLabel(m.kind))}</Td>
                <Td>
                  <Badge tone={STATUS_TONE[m.status]}>{t(STATUS_LABEL[m.status])}</Badge>
                </Td>
                <Td numeric>{m.attempts}</Td>
                <Td className="text-xs text-slate-600">{m.lastError}</Td>
                <Td last>
                  <time dateTime={m.createdAt}>{f.dateTime(m.createdAt)}</time>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
