import { Link, type LinkProps } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The house button's classes, for a `<button>` or a link that looks like one. */
export function buttonClass(variant: ButtonVariant = "primary"): string {
  return `inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${VARIANTS[variant]}`;
}

/**
 * A button in one of three looks. `pending` (its form is in flight) disables it, marks it
 * busy for screen readers and shows `pendingText` (translated by the page) instead of its label.
 */
export function Button({
  variant = "primary",
  pending = false,
  pendingText,
  type = "button",
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pending?: boolean; pendingText?: string }) {
  return (
    <button type={type} disabled={pending} aria-busy={pending || undefined} className={buttonClass(variant)} {...rest}>
      {pending && pendingText !== undefined ? pendingText : children}
    </button>
  );
}

/** An in-app link in running text: indigo and underlined. `className` adds spacing or size. */
export function TextLink({ className, ...rest }: LinkProps) {
  return <Link className={className ? `${className} text-indigo-700 underline` : "text-indigo-700 underline"} {...rest} />;
}
