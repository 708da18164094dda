import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { LanguageSwitch } from "./language-switch";
import { common_appName } from "~/paraglide/messages/common_appname1.js";

/** The frame of the signed-out and account pages: brand, language switch, one card. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
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
