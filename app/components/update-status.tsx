import { Badge } from "~/components/ui/layout";
import { useT } from "~/i18n";
import { updates_status_draft } from "~/paraglide/messages/updates_status_draft.js";
import { updates_status_scheduled } from "~/paraglide/messages/updates_status_scheduled.js";
import { updates_status_sent } from "~/paraglide/messages/updates_status_sent.js";

const LABEL = { draft: updates_status_draft, scheduled: updates_status_scheduled, sent: updates_status_sent } as const;
const TONE = { draft: "neutral", scheduled: "info", sent: "good" } as const;

/** An investor update's status in words (draft, scheduled, sent). */
export function UpdateStatusBadge({ status }: { status: keyof typeof LABEL }) {
  const t = useT();
  return <Badge tone={TONE[status]}>{t(LABEL[status])}</Badge>;
}
