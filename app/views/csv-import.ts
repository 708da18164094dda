/**
 * What the import pages' action answers (app/models/csv-import.server.ts) and the shared import
 * page (app/components/csv-import.tsx) shows. Types only.
 */
import type { CsvImportError } from "~/domain/csv-import";

/** What an import checked or did: rows in the file, and how many are new, changed or the same. */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ImportActionResult =
  | { status: "errors"; fileName: string | null; errors: CsvImportError[]; errorCount: number }
  | {
      status: "preview";
      fileName: string;
      checksum: string;
      counts: ImportCounts;
      firstMonth: string;
      lastMonth: string;
      columns: string[];
      previewRows: string[][];
      notice: string | null;
    }
  | { status: "imported"; fileName: string; counts: ImportCounts; firstMonth: string; lastMonth: string };
