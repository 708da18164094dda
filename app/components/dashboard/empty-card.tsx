import { TextLink } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";

/**
 * A dashboard card with nothing to show yet. The company's own people (`base` is their org's
 * path) are told what to do and given the page to do it on (`page`, below `base`); an
 * investor, who cannot, is told that the company has not.
 */
export function EmptyCard({
  title,
  empty,
  base,
  page,
  toDo,
  goTo,
  forInvestor,
}: {
  title: string;
  empty: string;
  base: string | undefined;
  page: string;
  toDo: string;
  goTo: string;
  forInvestor: string;
}) {
  return (
    <Card title={title}>
      <EmptyState title={empty}>
        {base ? (
          <p>
            {toDo} <TextLink to={`${base}/${page}`}>{goTo}</TextLink>
          </p>
        ) : (
          <p>{forInvestor}</p>
        )}
      </EmptyState>
    </Card>
  );
}

/** A card's link to its whole section ("All risks"), for the company's own people only; none for an investor. */
export function sectionLink(base: string | undefined, page: string, label: string) {
  return base ? (
    <TextLink to={`${base}/${page}`} className="text-sm">
      {label}
    </TextLink>
  ) : undefined;
}
