/**
 * An investor update's Markdown, rendered safely (decision 025): markdown-it with HTML passthrough
 * off (raw HTML is shown as text), links only to http, https and mailto (anything else stays
 * text), every link opened with rel="noopener noreferrer", no images (a remote image in an
 * investor's view would tell its host who read it and when). Figure tokens (`{{runway}}`) become
 * cards in the reader's language.
 */
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import { FIGURE_TOKEN_RE, isFigureToken, METRIC_TOKEN_PREFIX, type UpdateFigures } from "~/domain/investor-update";
import { formatterFor } from "~/i18n/format";
import { formatMetricValue, metricName } from "~/i18n/metric-format";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import { updates_figure_cash } from "~/paraglide/messages/updates_figure_cash.js";
import { updates_figure_netBurn } from "~/paraglide/messages/updates_figure_netburn1.js";
import { updates_figure_noData } from "~/paraglide/messages/updates_figure_nodata1.js";
import { updates_figure_notBurning } from "~/paraglide/messages/updates_figure_notburning1.js";
import { updates_figure_notReported } from "~/paraglide/messages/updates_figure_notreported1.js";
import { updates_figure_runway } from "~/paraglide/messages/updates_figure_runway.js";
import { updates_figure_runwayMonths } from "~/paraglide/messages/updates_figure_runwaymonths1.js";
import { updates_figure_unknown } from "~/paraglide/messages/updates_figure_unknown.js";
import { updates_figure_withheld } from "~/paraglide/messages/updates_figure_withheld.js";

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export interface FigureCard {
  label: string;
  value: string;
}

export interface FigureCardOptions {
  /**
   * The reader may not see custom metrics: an investor whose grant does not share the financials
   * section, which holds them (decision 024). Their cards say so instead of the value.
   */
  metricsWithheld?: boolean;
}

/** What each token reads, in `locale`, for the figures of `month` in `currency`. */
export function figureCards(locale: Locale, figures: UpdateFigures, currency: string, options: FigureCardOptions = {}): (token: string) => FigureCard {
  const t = translator(locale);
  const f = formatterFor(locale);
  const noData = t(updates_figure_noData);
  return (token) => {
    if (!isFigureToken(token)) {
      const key = token.startsWith(METRIC_TOKEN_PREFIX) ? token.slice(METRIC_TOKEN_PREFIX.length) : token;
      const metric = figures.metrics?.[key];
      // A key the company has no metric for. Withheld cards name only the key the author wrote.
      if (!metric) return { label: key, value: t(options.metricsWithheld ? updates_figure_withheld : updates_figure_unknown) };
      if (options.metricsWithheld) return { label: key, value: t(updates_figure_withheld) };
      const label = metricName(locale, metric);
      if (metric.value === null) return { label, value: t(updates_figure_notReported) };
      return { label, value: formatMetricValue(locale, metric.value, metric.unit, currency) };
    }
    const reported = figures.reported !== false;
    switch (token) {
      case "cash":
        return { label: t(updates_figure_cash), value: reported && figures.cash != null ? f.money(figures.cash, currency) : noData };
      case "net_burn":
        return { label: t(updates_figure_netBurn), value: reported && figures.net_burn != null ? f.money(figures.net_burn, currency) : noData };
      case "runway":
        if (!reported || figures.cash == null) return { label: t(updates_figure_runway), value: noData };
        return {
          label: t(updates_figure_runway),
          value: figures.runway == null ? t(updates_figure_notBurning) : t(updates_figure_runwayMonths, { months: f.number(figures.runway, 1) }),
        };
    }
  };
}

interface RenderEnv {
  card: (token: string) => FigureCard;
}

function figureTokenRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || state.src.charCodeAt(state.pos + 1) !== 0x7b) return false;
  const re = new RegExp(FIGURE_TOKEN_RE.source, "y");
  re.lastIndex = state.pos;
  const match = re.exec(state.src);
  if (!match?.[1]) return false;
  if (!silent) {
    const token = state.push("figure_card", "", 0);
    token.content = match[1];
  }
  state.pos += match[0].length;
  return true;
}

function makeRenderer(): MarkdownIt {
  const md = new MarkdownIt("default", { html: false, linkify: false, typographer: false });
  md.disable(["image"]);
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  md.inline.ruler.before("emphasis", "figure_card", figureTokenRule);
  md.renderer.rules.figure_card = (tokens, idx, _options, env: RenderEnv) => {
    const card = env.card(tokens[idx]?.content ?? "");
    const name = md.utils.escapeHtml(tokens[idx]?.content ?? "");
    return `<span class="figure-card" data-figure="${name}"><span class="figure-card-label">${md.utils.escapeHtml(card.label)}</span> <strong class="figure-card-value">${md.utils.escapeHtml(card.value)}</strong></span>`;
  };
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet("rel", "noopener noreferrer");
    tokens[idx]?.attrSet("target", "_blank");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const renderer = makeRenderer();

/** The body as HTML that is safe to put in the page: no HTML of the author's passes through. */
export function renderUpdateMarkdown(markdown: string, card: (token: string) => FigureCard): string {
  return renderer.render(markdown, { card } satisfies RenderEnv);
}

/** The body as plain text for an e-mail: tokens replaced by "Runway: 9.2 months". */
export function updateMarkdownAsText(markdown: string, card: (token: string) => FigureCard): string {
  return markdown.replace(new RegExp(FIGURE_TOKEN_RE.source, "g"), (_all, token: string) => {
    const c = card(token);
    return `${c.label}: ${c.value}`;
  });
}
