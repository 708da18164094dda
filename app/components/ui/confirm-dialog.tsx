import { useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useT } from "~/i18n";
import { FieldError } from "./form";
import { common_action_cancel } from "~/paraglide/messages/common_action_cancel.js";

/** What a destructive action says, every text already translated by the page. */
export interface ConfirmTexts {
  /** The button that starts it and, in the dialog, does it: "Delete round". */
  action: string;
  /** The dialog's title, naming what will be destroyed: "Delete the SAFE round closed on 2026-03-01?" */
  title: string;
  /** The consequence, in one sentence. */
  consequence: string;
  /** Without JavaScript, the tick box's label: "Yes, delete this round …". */
  tick: string;
  /** On the confirm button while the form is in flight: "Deleting…". */
  pending: string;
}

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

const LOOKS = {
  button:
    "inline-flex items-center justify-center rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:opacity-60",
  small: "rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:opacity-60",
  secondary: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60",
  link: "text-red-700 underline",
} as const;

/**
 * The one way to confirm a destructive action; goes inside the `<Form>` it submits.
 *
 * Without JavaScript (and until hydration) it is a tick box (`confirm=yes`) and a submit button
 * (`intent`), and the server refuses the action unticked. Once hydrated the button only opens a
 * modal `<dialog>` naming what will be destroyed and what follows; Cancel has focus, Escape
 * closes, focus goes back to the button; the red button submits the same form with
 * `confirm=yes`. When the action answers (an error such as a stale version shows on the page)
 * the dialog closes; when the record is gone, the page no longer renders it at all.
 */
export function ConfirmAction({
  intent,
  texts,
  error,
  look = "button",
  label,
}: {
  intent: string;
  texts: ConfirmTexts;
  /** The button's accessible name when its text is a bare verb in a list: "Delete the EUR rate of Apr 2026". */
  label?: string;
  /** The server's refusal of an unticked submission (`fieldErrors.confirm`). */
  error?: string;
  look?: keyof typeof LOOKS;
}) {
  const hydrated = useHydrated();
  const id = useId();
  const errorId = `${id}-error`;
  if (!hydrated) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <label className="inline-flex items-start gap-2 text-left text-sm text-red-900">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <span>{texts.tick}</span>
        </label>
        <button type="submit" name="intent" value={intent} aria-label={label} className={LOOKS[look]}>
          {texts.action}
        </button>
        <FieldError id={errorId} error={error} />
      </div>
    );
  }
  return <ConfirmDialog intent={intent} texts={texts} error={error} errorId={errorId} look={look} label={label} />;
}

function ConfirmDialog({
  intent,
  texts,
  error,
  errorId,
  look,
  label,
}: {
  intent: string;
  texts: ConfirmTexts;
  error?: string;
  errorId: string;
  look: keyof typeof LOOKS;
  label?: string;
}) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const navigation = useNavigation();
  // This dialog's own submission, not any other form's on the page.
  const [submitted, setSubmitted] = useState(false);
  const inFlight = useRef(false);
  const pending = submitted && navigation.state !== "idle";

  // Once the submission has left and come back (an error to show on the page), close.
  useEffect(() => {
    if (!submitted) return;
    if (navigation.state !== "idle") {
      inFlight.current = true;
      return;
    }
    if (!inFlight.current) return;
    inFlight.current = false;
    setSubmitted(false);
    if (dialog.current?.open) dialog.current.close();
  }, [submitted, navigation.state]);

  function open() {
    dialog.current?.showModal();
    cancel.current?.focus();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        aria-label={label}
        aria-describedby={error ? errorId : undefined}
        onClick={open}
        className={LOOKS[look]}
      >
        {texts.action}
      </button>
      <FieldError id={errorId} error={error} />
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click is on the backdrop; the keyboard's way out is Escape, which the dialog element handles itself (onCancel) */}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-consequence`}
        className="w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/50"
        onClose={() => opener.current?.focus()}
        onCancel={(event) => {
          // Escape while the action is in flight would hide that it is still happening.
          if (pending) event.preventDefault();
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its content) cancels.
          if (event.target === dialog.current && !pending) dialog.current.close();
        }}
      >
        <div className="space-y-3 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {texts.title}
          </h2>
          <p id={`${id}-consequence`} className="text-sm text-slate-700">
            {texts.consequence}
          </p>
          <input type="hidden" name="confirm" value="yes" />
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <button
              ref={cancel}
              type="button"
              disabled={pending}
              onClick={() => dialog.current?.close()}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
            >
              {t(common_action_cancel)}
            </button>
            <button
              type="submit"
              name="intent"
              value={intent}
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() => setSubmitted(true)}
              className="rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:opacity-60"
            >
              {pending ? texts.pending : texts.action}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
