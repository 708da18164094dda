import { useRouteLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { useCallback, useEffect, useRef, useState } from "react";
import { useT, type PlainKey } from "~/i18n";
import type { Toast, ToastTone } from "~/views/toast";
import { common_toast_close } from "~/paraglide/messages/common_toast_close.js";
import { common_toast_tone_error } from "~/paraglide/messages/common_toast_tone_error.js";
import { common_toast_tone_info } from "~/paraglide/messages/common_toast_tone_info.js";
import { common_toast_tone_success } from "~/paraglide/messages/common_toast_tone_success.js";

/** How long a toast stays when nobody points at it or tabs into it. */
export const TOAST_MS = 6000;

const TONES: Record<ToastTone, { word: PlainKey; icon: string; box: string; mark: string }> = {
  success: { word: common_toast_tone_success, icon: "✓", box: "border-emerald-300", mark: "bg-emerald-100 text-emerald-900" },
  info: { word: common_toast_tone_info, icon: "i", box: "border-indigo-300", mark: "bg-indigo-100 text-indigo-900" },
  error: { word: common_toast_tone_error, icon: "!", box: "border-red-300", mark: "bg-red-100 text-red-900" },
};

/**
 * The toast the root loader read from the flash cookie (app/server/toast.server.ts). Rendered on
 * the server, so it shows without JavaScript (it then simply stays until the next page); with
 * JavaScript it closes by its button or after TOAST_MS, paused while pointed at or focused.
 * The live region is always in the page, so a toast arriving by client navigation is announced.
 * Phones: across the bottom inside the margins (no sideways scroll at 375 px); wider: bottom right.
 */
export function Toaster() {
  const data = useRouteLoaderData("root") as { toast?: Toast | null } | undefined;
  const incoming = data?.toast ?? null;
  const [shown, setShown] = useState<Toast | null>(incoming);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const t = useT();
  const card = useRef<HTMLDivElement>(null);

  const show = useCallback((next: Toast | null) => {
    // The card that was pointed at or focused is gone: the next one starts its own clock.
    setHovered(false);
    setFocused(false);
    setShown(next);
  }, []);

  // A new toast (another save) replaces the one on screen; a page without one leaves it be.
  const incomingId = incoming?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the id alone — a revalidation brings the same toast as a new object, which must not restart it
  useEffect(() => {
    if (incoming) show(incoming);
    // Only a new id is a new toast; the same one revalidated is not shown again.
  }, [incomingId]);

  useEffect(() => {
    if (!shown || hovered || focused) return;
    const timer = window.setTimeout(() => {
      // A pointer already resting where the card appeared never fires mouseenter: ask the card itself.
      if (card.current?.matches(":hover, :focus-within")) setHovered(true);
      else show(null);
    }, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [shown, hovered, focused, show]);

  const tone = shown ? TONES[shown.tone] : null;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-40 flex justify-end sm:inset-x-auto sm:right-6 sm:bottom-6">
      {shown && tone ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: pointer and focus only pause the timer; the card's one action is its close button
        <div
          key={shown.id}
          ref={card}
          data-testid="toast"
          data-tone={shown.tone}
          className={`pointer-events-auto flex w-full items-start gap-3 rounded-lg border bg-white p-4 text-sm text-slate-900 shadow-lg sm:w-96 ${tone.box}`}
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        >
          <span aria-hidden="true" className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${tone.mark}`}>
            {tone.icon}
          </span>
          <div className="min-w-0 flex-1 break-words">
            <p className="font-semibold">{t(tone.word)}</p>
            <p className="mt-0.5" data-testid="toast-message">
              {shown.text ?? shown.message.key}
              {shown.link ? (
                <>
                  {" "}
                  <TextLink to={shown.link.to}>{shown.link.text ?? shown.link.message.key}</TextLink>
                </>
              ) : null}
            </p>
          </div>
          <button
            type="button"
            onClick={() => show(null)}
            aria-label={t(common_toast_close)}
            className="-m-1 shrink-0 rounded p-1 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
