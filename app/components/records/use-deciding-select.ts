import { useState, type ChangeEvent } from "react";
import { useHydrated } from "~/components/ui/confirm-dialog";

/**
 * The select of a record's form whose choice turns other fields off (a round's instrument, a
 * facility's repayment type). Fields go off only once the page is interactive (so they are not
 * sent): without JavaScript every field stays on and the server explains what to leave blank.
 */
export function useDecidingSelect(initial: string) {
  const [chosen, setChosen] = useState(initial);
  const hydrated = useHydrated();
  return {
    /** Spread on the SelectField: the choice, kept as it changes. */
    select: { value: chosen, onChange: (event: ChangeEvent<HTMLSelectElement>) => setChosen(event.target.value) },
    /** Whether a field that applies only to some choices is off now. */
    offUnless: (applies: (chosen: string) => boolean) => hydrated && !applies(chosen),
  };
}
