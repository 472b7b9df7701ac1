import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../src/index.ts";
import { copyFixture, prisma } from "./prisma-cli.ts";

const migrationsOf = (dir: string) =>
  readdirSync(join(dir, "prisma/migrations")).filter((n) => !n.endsWith(".toml"));

describe("Prisma Migrate with the offline WASM schema engine", () => {
  it("When the schema gains a field, then `migrate dev` writes a second migration and applies it, with no download", async () => {
    // Arrange: a database already at the first migration
    const { dir, home } = copyFixture();
    applyMigrations({ dbPath: join(dir, "dev.db"), migrationsDir: join(dir, "prisma/migrations") });
    const schema = join(dir, "prisma/schema.prisma");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        "text String",
        "text String\n  done Boolean @default(false)",
      ),
    );

    // Act
    const output = await prisma(dir, home, "migrate", "dev", "--name", "add_done");

    // Assert
    expect(output).toContain("Your database is now in sync with your schema");
    const added = migrationsOf(dir).find((n) => n.endsWith("_add_done"))!;
    expect(readFileSync(join(dir, "prisma/migrations", added, "migration.sql"), "utf8")).toMatch(
      /"done" BOOLEAN/,
    );
    const db = new Database(join(dir, "dev.db"), { readonly: true });
    expect(db.prepare(`SELECT name FROM pragma_table_info('Note')`).pluck().all()).toEqual([
      "id",
      "text",
      "done",
    ]);
    db.close();
    expect(existsSync(join(home, ".cache/prisma"))).toBe(false);
  });

  it("When the applier created the database, then `migrate status` says it is up to date", async () => {
    const { dir, home } = copyFixture();
    applyMigrations({ dbPath: join(dir, "dev.db"), migrationsDir: join(dir, "prisma/migrations") });

    const output = await prisma(dir, home, "migrate", "status");

    expect(output).toContain("1 migration found");
    expect(output).toContain("Database schema is up to date!");
  });

  it("When a migration is not applied yet, then `migrate status` names it and `migrate deploy` applies it", async () => {
    const { dir, home } = copyFixture();
    new Database(join(dir, "dev.db")).close();

    await expect(prisma(dir, home, "migrate", "status")).rejects.toMatchObject({
      stdout: expect.stringContaining("20260101000000_init"),
    });
    const deployed = await prisma(dir, home, "migrate", "deploy");

    expect(deployed).toContain("All migrations have been successfully applied");
    expect(await prisma(dir, home, "migrate", "status")).toContain(
      "Database schema is up to date!",
    );
  });

  it("When the database holds data, then `migrate reset` drops everything and re-applies the migrations", async () => {
    // Arrange: data, and a stray table no migration knows
    const { dir, home } = copyFixture();
    const dbPath = join(dir, "dev.db");
    applyMigrations({ dbPath, migrationsDir: join(dir, "prisma/migrations") });
    const db = new Database(dbPath);
    db.exec(`INSERT INTO "Note" (text) VALUES ('keep me?'); CREATE TABLE stray (x INTEGER);`);
    db.close();

    await prisma(dir, home, "migrate", "reset", "--force");

    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare(`SELECT count(*) FROM "Note"`).pluck().get()).toBe(0);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'stray'`).all()).toEqual([]);
    expect(after.prepare(`SELECT migration_name FROM _prisma_migrations`).pluck().all()).toEqual([
      "20260101000000_init",
    ]);
    after.close();
  });
});
