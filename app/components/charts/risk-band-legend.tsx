import type { RiskBand, RiskBandThresholds } from "~/finance/risk";
import { useT } from "~/i18n";
import { RISK_BAND_IN_SENTENCE_KEYS, RISK_BAND_KEYS } from "~/domain/risk-labels";
import { RISK_BAND_CELL_CLASSES } from "./palette";
import { records_risk_bandLegend } from "~/paraglide/messages/records_risk_bandlegend1.js";
import { records_risk_bandsLabel } from "~/paraglide/messages/records_risk_bandslabel1.js";

/** Each band's score range under the org's thresholds, lowest first. */
export function riskBandRanges(bands: RiskBandThresholds): { band: RiskBand; from: number; to: number }[] {
  return [
    { band: "low", from: 1, to: bands.mediumFrom - 1 },
    { band: "medium", from: bands.mediumFrom, to: bands.highFrom - 1 },
    { band: "high", from: bands.highFrom, to: bands.criticalFrom - 1 },
    { band: "critical", from: bands.criticalFrom, to: 25 },
  ];
}

/**
 * The key to a heat map's colours: a swatch, the band's name and its scores. With the band
 * written in every counted cell, colour is never the only way to read the map.
 */
export function RiskBandLegend({ bands }: { bands: RiskBandThresholds }) {
  const t = useT();
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t(records_risk_bandsLabel)} data-testid="risk-band-legend">
      {riskBandRanges(bands).map(({ band, from, to }) => (
        <li key={band} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm border border-slate-300 ${RISK_BAND_CELL_CLASSES[band]}`} />
          {t(records_risk_bandLegend, { band: t(RISK_BAND_KEYS[band]), range: from === to ? String(from) : `${from}–${to}` })}
        </li>
      ))}
    </ul>
  );
}

/** The band's name inside a counted heat-map cell, small, under the count. */
export function CellBand({ band }: { band: RiskBand }) {
  const t = useT();
  return <span className="block text-[10px] font-normal leading-tight tracking-tight no-underline">{t(RISK_BAND_IN_SENTENCE_KEYS[band])}</span>;
}
