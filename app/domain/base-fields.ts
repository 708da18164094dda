import { z } from "zod";
import type { TranslationKey } from "~/i18n/translate";
import { zodMessage } from "~/i18n/zod-messages";
import { common_validation_currencyInvalid } from "~/paraglide/messages/common_validation_currencyinvalid1.js";
import { common_validation_currencyRequired } from "~/paraglide/messages/common_validation_currencyrequired1.js";
import { common_validation_emailInvalid } from "~/paraglide/messages/common_validation_emailinvalid1.js";
import { common_validation_emailRequired } from "~/paraglide/messages/common_validation_emailrequired1.js";
import { common_validation_emailTooLong } from "~/paraglide/messages/common_validation_emailtoolong2.js";
import { common_validation_enterField } from "~/paraglide/messages/common_validation_enterfield1.js";
import { common_validation_fieldTooLong } from "~/paraglide/messages/common_validation_fieldtoolong2.js";
import { common_validation_passwordRequired } from "~/paraglide/messages/common_validation_passwordrequired1.js";
import { common_validation_passwordTooLong } from "~/paraglide/messages/common_validation_passwordtoolong2.js";
import { common_validation_passwordTooShort } from "~/paraglide/messages/common_validation_passwordtooshort2.js";

// Field schemas shared by forms. Not a .server module: route modules build their zod
// schemas at module level, and the browser bundle must be able to evaluate them.
// Messages are message refs (docs/i18n.md): parseForm turns them into the request's language.

export const emailField = z
  .string({ error: zodMessage(common_validation_emailRequired) })
  .trim()
  .toLowerCase()
  .max(254, zodMessage(common_validation_emailTooLong))
  .pipe(z.email({ error: zodMessage(common_validation_emailInvalid) }));

export const passwordField = z
  .string({ error: zodMessage(common_validation_passwordRequired) })
  .min(10, zodMessage(common_validation_passwordTooShort))
  .max(200, zodMessage(common_validation_passwordTooLong));

/**
 * `label` names the field inside a sentence ("Enter {label}."): a message key such as
 * "auth.signup.nameInSentence" (translated), or plain English from a page not yet converted.
 */
export const nameField = (label: TranslationKey | (string & {})) =>
  z
    .string({ error: zodMessage(common_validation_enterField, { field: label }) })
    .trim()
    .min(1, zodMessage(common_validation_enterField, { field: label }))
    .max(120, zodMessage(common_validation_fieldTooLong, { field: label, max: 120 }));

export const currencyField = z
  .string({ error: zodMessage(common_validation_currencyRequired) })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, zodMessage(common_validation_currencyInvalid));
