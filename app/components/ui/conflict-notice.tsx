import { useT } from "~/i18n";
import { records_conflict_reload } from "~/paraglide/messages/records_conflict_reload.js";
import { records_conflict_savedShown } from "~/paraglide/messages/records_conflict_savedshown1.js";

/**
 * After a refused save because someone else saved first (versionedEditAction): the page shows
 * the saved record, the form keeps what this person typed, and this says so — with a reload
 * link that works without JavaScript (an empty href is this very URL).
 */
export function ConflictNotice({ className = "" }: { className?: string }) {
  const t = useT();
  return (
    <p className={`text-sm text-slate-700 ${className}`}>
      {t.rich(records_conflict_savedShown, {
        reload: (
          // biome-ignore lint/a11y/useValidAnchor: an empty href is this very URL: following it reloads the page, without JavaScript
          <a href="" className="text-indigo-700 underline">
            {t(records_conflict_reload)}
          </a>
        ),
      })}
    </p>
  );
}
