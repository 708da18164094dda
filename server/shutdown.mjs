// Graceful shutdown on SIGTERM/SIGINT. Node's own http.Server does it (decision 010 says why not
// http-terminator): close() stops listening at once, so a new connection is refused and a load
// balancer moves on; requests in flight run to their end; keep-alive connections are closed as
// soon as they are idle; after GRACE_MS whatever is left is cut. Then the database closes.
const GRACE_MS = 10_000;

export function gracefulShutdown(server, { logger, closeDatabase, graceMs = GRACE_MS }) {
  let draining = false;
  const stop = (signal) => {
    if (draining) return;
    draining = true;
    const began = Date.now();
    logger.info({ signal }, "shutting down");
    // Idle now, or idle after their answer: closed, so no client is left holding a socket.
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(async () => {
      clearInterval(reaper);
      clearTimeout(cut);
      logger.info({ ms: Date.now() - began }, "drained");
      try {
        await closeDatabase();
      } catch (error) {
        logger.error({ error: error?.message }, "database close failed");
        process.exit(1);
      }
      logger.info({ ms: Date.now() - began }, "stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    // Last resort if closing the database hangs.
    setTimeout(() => process.exit(1), graceMs + 5_000).unref();
  };
  // A request that still arrives on a kept-alive connection is answered, and its answer says
  // the connection ends with it.
  server.on("request", (_req, res) => {
    if (draining) res.setHeader("Connection", "close");
  });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
