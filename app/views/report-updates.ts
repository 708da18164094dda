/** What the company page's investor-updates card receives: one page of updates, newest month first. Types only. */
export interface ReportUpdateView {
  month: string;
  highlights: string | null;
  lowlights: string | null;
  asks: string | null;
}

export interface ReportUpdatePage {
  updates: ReportUpdateView[];
  page: number;
  pageCount: number;
  total: number;
}
