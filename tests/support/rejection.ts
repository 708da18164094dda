import { AppError } from "../../app/server/http.server";

/** The AppError a model call is expected to throw (any other error is rethrown; success fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
