import type { ReactNode } from "react";

export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-indigo-700">Capital Desk</p>
        <h1 className="mb-6 mt-1 text-2xl font-bold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
