import { useT } from "~/i18n";
import { BackHeader } from "./back-header";
import { ConflictNotice } from "./ui/conflict-notice";
import { Card } from "./ui/layout";
import { type ComposerMetric, UpdateComposer, type ComposerValues } from "./update-composer";
import { updates_view_back } from "~/paraglide/messages/updates_view_back.js";

/** What the composer's action (app/server/update-form.server.ts) answers a refused save with. */
interface ComposerFailure {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
  conflict?: unknown;
}

/**
 * The page around the composer, for a new update and for editing a draft: what the author typed
 * comes back over the saved (or blank) values after a refused save; the chosen investors stay
 * as saved. Only an edit (with a version) can meet a conflict: then the typing stays and so does
 * the version they edited.
 */
export function UpdateComposerPage({
  title,
  result,
  values,
  choices,
  metrics,
  version,
}: {
  title: string;
  result: ComposerFailure | undefined;
  values: ComposerValues;
  choices: { orgId: string; name: string }[];
  /** The startup's custom metrics, offered as `{{metric:key}}` cards. */
  metrics?: ComposerMetric[];
  version?: number;
}) {
  const t = useT();
  const failed = result && !result.ok ? result : undefined;
  return (
    <>
      <BackHeader title={title} back={t(updates_view_back)} />
      <Card>
        {version !== undefined && failed?.conflict ? <ConflictNotice className="mb-3" /> : null}
        <UpdateComposer
          values={{ ...values, ...failed?.values, recipients: values.recipients }}
          errors={failed?.fieldErrors ?? {}}
          formError={failed?.formError}
          choices={choices}
          metrics={metrics}
          version={version}
        />
      </Card>
    </>
  );
}
