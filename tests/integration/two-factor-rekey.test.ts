import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { userTwoFactor } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { systemContextOf } from "../../app/auth/system.server";
import { resealAllSecrets } from "../../app/models/two-factor.server";
import { keyId, keyringOf, openSecret, sealSecret } from "../../app/server/totp-crypto.server";
import { makeUser } from "../support/factories";
import { openTestDatabase } from "../support/test-db";

/**
 * Decision 021, key rotation end to end on the real tables: secrets sealed with the old key are
 * sealed again with the new one by `npm run totp:rekey` (resealAllSecrets), after which the new
 * key alone opens every one of them.
 */
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
// Read once per process by totpKeyring(): the rotated configuration, old key still accepted.
process.env.TOTP_ENCRYPTION_KEY = newKey.toString("base64");
process.env.TOTP_ENCRYPTION_OLD_KEYS = oldKey.toString("base64");

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe("rotating the TOTP encryption key", () => {
  it("re-seals every old secret with the new key; the old key is then no longer needed", async () => {
    const people = [await makeUser(database), await makeUser(database)];
    for (const [i, person] of people.entries()) {
      await withSystem(database.db, (tx) =>
        tx.insert(userTwoFactor).values({ userId: person.id, secret: sealSecret(keyringOf(oldKey), `SECRET${i}ABCDEFGHIJ`, person.id), enabledAt: new Date() }),
      );
    }
    expect(await resealAllSecrets(systemContextOf(database))).toBe(2);
    for (const [i, person] of people.entries()) {
      const [row] = await withSystem(database.db, (tx) => tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, person.id)));
      expect(row?.secret.split(".")[1]).toBe(keyId(newKey));
      expect(openSecret(keyringOf(newKey), row!.secret, person.id)).toEqual({ secret: `SECRET${i}ABCDEFGHIJ`, stale: false });
    }
    // Run again: nothing left to do.
    expect(await resealAllSecrets(systemContextOf(database))).toBe(0);
  });
});
