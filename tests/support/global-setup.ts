import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "postgres"; adminUrl: string; template: string } | { kind: "pglite"; dumpPath: string };
  }
}

/**
 * Migrates one template database with the real migrations; each test file then gets
 * its own copy (CREATE DATABASE … TEMPLATE on PostgreSQL, loadDataDir on PGlite).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `cd_tmpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const templateUrl = withDatabase(url, template);
    await migrateDatabase({ url: templateUrl });
    project.provide("testDb", { kind: "postgres", adminUrl: url, template });
    return async () => {
      const stale = await admin`select datname from pg_database where datname like ${template.replace("cd_tmpl_", "cd_t_") + "_%"}`;
      for (const row of stale) await admin.unsafe(`drop database if exists "${row.datname}" with (force)`);
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.end();
    };
  }
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const database = await openDatabase({});
  await migrateDatabase({}, database);
  const dump = await database.dump!();
  const dumpPath = path.join(dir, `template-${process.pid}.tar`);
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("testDb", { kind: "pglite", dumpPath });
  return () => fs.rmSync(dumpPath, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
