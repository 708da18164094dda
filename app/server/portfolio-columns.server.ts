import { createCookie, type Cookie } from "@remix-run/node";
import { parsePortfolioColumns, storedPortfolioColumns, type PortfolioColumn } from "~/domain/portfolio-columns";
import { getEnv } from "~/env.server";

// The portfolio columns a person picked, remembered on this browser for a year. A preference,
// not a secret: unsigned, and anything unreadable in it falls back to the default columns.
let cookie: Cookie | undefined;

function columnsCookie(): Cookie {
  cookie ??= createCookie("cd_portfolio_columns", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().cookieSecure,
    maxAge: 365 * 24 * 60 * 60,
  });
  return cookie;
}

export async function readPortfolioColumns(request: Request): Promise<PortfolioColumn[]> {
  const stored: unknown = await columnsCookie().parse(request.headers.get("Cookie"));
  return parsePortfolioColumns(typeof stored === "string" ? stored : null);
}

/** The Set-Cookie value that remembers `columns`. */
export function portfolioColumnsCookie(columns: readonly PortfolioColumn[]): Promise<string> {
  return columnsCookie().serialize(storedPortfolioColumns(columns));
}
