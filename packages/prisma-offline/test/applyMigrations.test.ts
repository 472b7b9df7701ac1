import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../src/index.ts";

const migrationsDir = join(import.meta.dirname, "fixtures/notes/prisma/migrations");
const freshDbPath = () => join(mkdtempSync(join(tmpdir(), "apply-")), "nested/dir/test.db");

describe("applyMigrations", () => {
  it("When the database file does not exist, then it is created with every table and each migration recorded as Prisma does", () => {
    const dbPath = freshDbPath();

    const applied = applyMigrations({ dbPath, migrationsDir });

    expect(applied).toEqual(["20260101000000_init"]);
    const db = new Database(dbPath, { readonly: true });
    const row = db.prepare(`SELECT * FROM _prisma_migrations`).get() as Record<string, unknown>;
    const sql = readFileSync(join(migrationsDir, "20260101000000_init/migration.sql"), "utf8");
    expect(row).toMatchObject({
      migration_name: "20260101000000_init",
      checksum: createHash("sha256").update(sql).digest("hex"),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("When it runs twice, then the second run applies nothing and keeps the data", () => {
    const dbPath = freshDbPath();
    applyMigrations({ dbPath, migrationsDir });
    const db = new Database(dbPath);
    db.prepare(`INSERT INTO "Note" (text) VALUES ('hello')`).run();
    db.close();

    expect(applyMigrations({ dbPath, migrationsDir })).toEqual([]);

    const again = new Database(dbPath, { readonly: true });
    expect(again.prepare(`SELECT text FROM "Note"`).pluck().all()).toEqual(["hello"]);
    again.close();
  });

  it("When the migrations folder is missing, then it fails naming the folder", () => {
    expect(() =>
      applyMigrations({ dbPath: freshDbPath(), migrationsDir: "/nowhere/migrations" }),
    ).toThrow("No migrations folder at /nowhere/migrations");
  });
});
