import { test } from "node:test";
import assert from "node:assert/strict";
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import { runGuarded } from "@/lib/actions/run-guarded";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { messagesFor } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate-message";
import { throttleRefusal } from "@/lib/throttle/throttle-refusal";
import { passwordField } from "@/lib/validation/fields";

// Errors and zod messages carry message keys; the guard answers them in the request's language.
const request = { ip: "127.0.0.1", userAgent: "test" };
const translatorFor = (locale: "de" | "it"): Translate => {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return (key, params) => t(key as never, params as never);
};
const login = z.object({ email: z.string().min(1, messageKey("validation.emailRequired")), password: passwordField });

test("field messages and the form message come in the request's language", async () => {
  const r = await runGuarded(
    { name: "t", access: "public", input: login },
    { email: "", password: "" },
    { user: null, request, translate: translatorFor("de") },
    async () => 1,
  );
  assert.ok(!r.ok);
  assert.equal(r.error.message, "Prüfen Sie die markierten Felder.");
  assert.deepEqual(r.error.fieldErrors, { email: ["Geben Sie Ihre E-Mail-Adresse ein."], password: ["Geben Sie ein Passwort ein."] });
});

test("the generic sign-in failure and the throttle's wait are translated, with their numbers", async () => {
  const it = translatorFor("it");
  const refused = await runGuarded(
    { name: "t", access: "public", input: z.object({}) },
    {},
    { user: null, request, translate: it },
    async () => {
      throw new AppError("invalid_credentials", messageKey("errors.invalidCredentials"));
    },
  );
  assert.deepEqual(!refused.ok && [refused.error.code, refused.error.message], [
    "invalid_credentials",
    "L'indirizzo email o la password non sono corretti.",
  ]);
  const throttled = await runGuarded(
    { name: "t", access: "public", input: z.object({}) },
    {},
    { user: null, request, translate: it },
    async () => {
      throw throttleRefusal(1);
    },
  );
  assert.equal(!throttled.ok && throttled.error.message, "Troppi tentativi. Attendi 1 secondo e riprova.");
});

test("without a request language, and for the CLI and logs, messages are English; text not yet keyed passes through", async () => {
  const e = throttleRefusal(30);
  assert.equal(e.message, "Too many attempts. Wait 30 seconds and try again.");
  const r = await runGuarded({ name: "t", access: "public", input: z.object({}) }, {}, { user: null, request }, async () => {
    throw e;
  });
  assert.equal(!r.ok && r.error.message, "Too many attempts. Wait 30 seconds and try again.");
  const plain = await runGuarded(
    { name: "t", access: "public", input: z.object({}) },
    {},
    { user: null, request, translate: translatorFor("de") },
    async () => {
      throw new AppError("conflict", "That name is taken.");
    },
  );
  assert.equal(!plain.ok && plain.error.message, "That name is taken.");
});

test("zod's own messages, where a schema names none, are translated too", async () => {
  const input = z.object({ name: z.string().max(3), kind: z.enum(["a", "b"]) });
  const r = await runGuarded(
    { name: "t", access: "public", input },
    { name: "abcdef", kind: "c" },
    { user: null, request, translate: translatorFor("it") },
    async () => 1,
  );
  assert.deepEqual(!r.ok && r.error.fieldErrors, { name: ["Usa al massimo 3 caratteri."], kind: ["Controlla questo valore."] });
});
