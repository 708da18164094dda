// What server.mjs hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
    /** The request path as logged: capability tokens replaced by placeholders. */
    logPath: string;
    clientIp: string;
    /** The origin the app is served at, for links shown to users (invitations). */
    origin: string;
  }
}
export {};
