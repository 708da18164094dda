import { Form, useLocation } from "@remix-run/react";
import { LOCALE_NAMES, LOCALES, useLocale, useT } from "~/i18n";
import { layout_language } from "~/paraglide/messages/layout_language.js";

/**
 * English / 中文: one button per language, a plain form post to /locale (works without
 * JavaScript), back to the same page. Each name is written in its own language and marked
 * with `lang`, so a screen reader pronounces it right; the current one is "pressed".
 */
export function LanguageSwitch({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" className={className}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <fieldset aria-label={t(layout_language)} className="flex items-center gap-1 text-sm">
        {LOCALES.map((option) => (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-pressed={option === locale}
            className={`rounded-md px-2 py-1 ${option === locale ? "bg-slate-100 font-semibold text-slate-900" : "text-indigo-700 underline hover:bg-slate-50"}`}
          >
            {LOCALE_NAMES[option]}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}
