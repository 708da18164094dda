import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { LanguageSwitch } from "./language-switch";
import { common_appName } from "~/paraglide/messages/common_appname1.js";

/**
 * The frame of the signed-out and account pages: brand, language switch, one card.
 * The card hangs from the top rather than sitting in the middle of the screen: a centred card
 * moves whenever the content under it arrives or grows (the HTML streams in pieces on a busy
 * server, an error appears), and that move was the sign-in page's layout shift (issue #15 item 21).
 */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-8 sm:py-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-semibold text-indigo-700">{t(common_appName)}</p>
          <LanguageSwitch />
        </div>
        <h1 className="mb-6 mt-1 text-2xl font-bold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
