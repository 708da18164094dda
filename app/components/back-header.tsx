import { TextLink } from "./ui/button";
import { PageHeader } from "./ui/layout";

/** A page's title with the way back to the page above it (a detail page to its list, a form to what it edits). */
export function BackHeader({ title, back }: { title: string; back: string }) {
  return (
    <PageHeader
      title={title}
      actions={
        <TextLink to=".." relative="path" className="text-sm">
          {back}
        </TextLink>
      }
    />
  );
}
