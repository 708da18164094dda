/**
 * A plain-text answer from the edge itself (a refusal before the app runs): never cached, and
 * with `close` the connection ends after it, for a request whose body is left unread.
 */
export function refuse(res, status, text, { close = false } = {}) {
  if (close) res.set("Connection", "close");
  res.status(status).set("Cache-Control", "private, no-store").type("text/plain").send(text);
}
