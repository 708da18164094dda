import { z } from "zod";
import { messageRef, type TranslationKey } from "~/i18n/translate";

// Field schemas shared by forms. Not a .server module: route modules build their zod
// schemas at module level, and the browser bundle must be able to evaluate them.
// Messages are message refs (docs/i18n.md): parseForm turns them into the request's language.

export const emailField = z
  .string({ error: messageRef("common.validation.emailRequired") })
  .trim()
  .toLowerCase()
  .max(254, messageRef("common.validation.emailTooLong"))
  .pipe(z.email({ error: messageRef("common.validation.emailInvalid") }));

export const passwordField = z
  .string({ error: messageRef("common.validation.passwordRequired") })
  .min(10, messageRef("common.validation.passwordTooShort"))
  .max(200, messageRef("common.validation.passwordTooLong"));

/**
 * `label` names the field inside a sentence ("Enter {label}."): a message key such as
 * "auth.signup.nameInSentence" (translated), or plain English from a page not yet converted.
 */
export const nameField = (label: TranslationKey | (string & {})) =>
  z
    .string({ error: messageRef("common.validation.enterField", { field: label }) })
    .trim()
    .min(1, messageRef("common.validation.enterField", { field: label }))
    .max(120, messageRef("common.validation.fieldTooLong", { field: label, max: 120 }));

export const currencyField = z
  .string({ error: messageRef("common.validation.currencyRequired") })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, messageRef("common.validation.currencyInvalid"));
