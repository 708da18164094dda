/**
 * The messages JSON a page carries for the browser (app/i18n/page-messages.server.ts):
 * `<script type="application/json" id="cd-i18n" nonce="…">{…}</script>`. No imports, so the
 * benchmark scripts can use it as well as the tests.
 */
const MESSAGES_BLOCK = /<script type="application\/json" id="cd-i18n"[^>]*>(.*?)<\/script>/s;

/** The block's JSON text, or null when the page has none. */
export function messagesBlockOf(html: string): string | null {
  return MESSAGES_BLOCK.exec(html)?.[1] ?? null;
}

/**
 * A page's HTML without that block: it holds every text the page's code could show, so
 * "this button is not on the page" is asked of the markup.
 */
export function markup(html: string): string {
  return html.replace(MESSAGES_BLOCK, "");
}
