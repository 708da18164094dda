import type { RequestStatus } from "~/domain/data-request";
import { useT } from "~/i18n";
import type { PlainKey } from "~/i18n/translate";
import { Badge } from "~/components/ui/layout";
import { records_request_status_fulfilled } from "~/paraglide/messages/records_request_status_fulfilled.js";
import { records_request_status_late } from "~/paraglide/messages/records_request_status_late.js";
import { records_request_status_not_started } from "~/paraglide/messages/records_request_status_not_started.js";
import { records_request_status_partly } from "~/paraglide/messages/records_request_status_partly.js";

const LABELS: Record<RequestStatus, PlainKey> = {
  not_started: records_request_status_not_started,
  partly: records_request_status_partly,
  fulfilled: records_request_status_fulfilled,
  late: records_request_status_late,
};
const TONES = { not_started: "neutral", partly: "info", fulfilled: "good", late: "bad" } as const;

/** A request's status in words (the colour only repeats it), the same on both sides. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return <Badge tone={TONES[status]}>{t(LABELS[status])}</Badge>;
}

export function useRequestStatusLabel() {
  const t = useT();
  return (status: RequestStatus) => t(LABELS[status]);
}
