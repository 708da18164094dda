import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. `algorithm: 2` is Argon2id
// (the package's const enum cannot be imported under isolatedModules).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

// How many passwords and passphrases this process has checked: the throttles promise a bound on
// it (tests/integration/throttles.test.ts reads it through the server build's entry module).
let checks = 0;
export function passwordChecks(): number {
  return checks;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  checks += 1;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps the response time the same,
// so timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
