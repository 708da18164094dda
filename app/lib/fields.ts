import { z } from "zod";

// Field schemas shared by forms. Not a .server module: route modules build their zod
// schemas at module level, and the browser bundle must be able to evaluate them.

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@company.com." }));

export const passwordField = z
  .string({ error: "Enter a password." })
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const nameField = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(120, `Keep ${label} under 120 characters.`);

export const currencyField = z
  .string({ error: "Choose a currency." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code, like USD or CNY.");
