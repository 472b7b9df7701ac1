#!/usr/bin/env node
// A drop-in for Prisma's native schema-engine binary, which Prisma downloads on first use and
// which cannot be downloaded offline. The Prisma CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY,
// talks JSON-RPC 2.0 to it over stdin/stdout (one JSON object a line), and we forward each call to
// Prisma's official WASM schema engine running on the better-sqlite3 driver adapter.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { MIGRATIONS_TABLE_DDL, sqlitePathFromUrl } from "../src/migrations-table.mjs";

const args = parseArgs(process.argv.slice(2));
const dbPath = sqlitePathFromUrl(args.datasource?.url ?? "file:./dev.db", process.cwd());

if (args.cliCommand) {
  process.exitCode = runCliCommand(args.cliCommand);
} else {
  await serveJsonRpc();
}

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--datamodels" || a === "-d") out.datamodels.push(argv[++i]);
    else if (a === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (a === "cli") out.cliCommand = argv[++i];
    else if (a === "--version" || a === "-V") {
      console.log("schema-engine-offline 1.0.0 (wasm)");
      process.exit(0);
    }
  }
  return out;
}

/** `schema-engine cli <command>`: the CLI reads errors as JSON log lines on stderr after line one. */
function runCliCommand(command) {
  const fail = (code, message) => {
    process.stderr.write("offline schema engine\n");
    process.stderr.write(
      JSON.stringify({
        level: "ERROR",
        target: "schema_engine::logger",
        fields: { error_code: code, message },
      }) + "\n",
    );
    return 1;
  };
  switch (command) {
    case "can-connect-to-database":
      return existsSync(dbPath) ? 0 : fail("P1003", `Database ${dbPath} does not exist`);
    case "create-database":
      mkdirSync(dirname(dbPath), { recursive: true });
      new Database(dbPath).close();
      return 0;
    case "drop-database":
      if (existsSync(dbPath)) writeFileSync(dbPath, "");
      return 0;
    default:
      return fail("P1000", `Unknown cli command ${command}`);
  }
}

async function loadWasmEngine() {
  // Node 20 cannot `import` a .wasm module, so instantiate it by hand with the wasm-bindgen glue.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = dirname(gluePath);
  const glue = await import(gluePath);
  const bytes = readFileSync(`${pkgDir}/schema_engine_bg.wasm`);
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}

/** Prisma's engine sends whole migration scripts through executeRaw; SQLite needs exec() for those. */
function withScriptSupport(queryable) {
  const isScript = (q) => q.args.length === 0 && q.sql.trim().replace(/;\s*$/, "").includes(";");
  const wrapped = Object.create(queryable);
  wrapped.executeRaw = async (q) => {
    if (!isScript(q)) return queryable.executeRaw(q);
    await queryable.executeScript(q.sql);
    return 0;
  };
  if (queryable.startTransaction) {
    wrapped.startTransaction = async (level) =>
      withScriptSupport(await queryable.startTransaction(level));
  }
  return wrapped;
}

function adapterFactory() {
  const inner = new PrismaBetterSqlite3({ url: dbPath }, { shadowDatabaseUrl: ":memory:" });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withScriptSupport(await inner.connect()),
    connectToShadowDb: async () => withScriptSupport(await inner.connectToShadowDb()),
  };
}

/** Drops every table, view, index and trigger: a real reset (the engine's own only deletes rows here). */
function dropEverything() {
  if (!existsSync(dbPath)) return;
  const db = new Database(dbPath);
  const objects = db
    .prepare(
      `SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('view','table','trigger')`,
    )
    .all();
  db.pragma("foreign_keys = OFF");
  for (const { type, name } of objects)
    db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}"`);
  db.close();
}

/** On a fresh database the engine reads a missing migrations table as P1014; an empty one is the truth. */
function ensureMigrationsTable() {
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.exec(MIGRATIONS_TABLE_DDL);
  db.close();
}

async function serveJsonRpc() {
  const glue = await loadWasmEngine();
  const datamodels = args.datamodels.map((p) => [p, readFileSync(p, "utf8")]);
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory());
  const log = (line) => process.env.PRISMA_OFFLINE_DEBUG && process.stderr.write(`${line}\n`);
  const engine = await glue.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    log,
    adapter,
  );

  const methodNames = { getDatabaseVersion: "version" };
  let nextOwnId = 1_000_000;
  const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...msg }) + "\n");

  const handle = async ({ id, method, params }) => {
    if (method === "reset") {
      dropEverything();
      return null;
    }
    if (method === "createDatabase") {
      ensureMigrationsTable();
      return { databaseName: dbPath };
    }
    if (method !== "getDatabaseVersion" && method !== "debugPanic") ensureMigrationsTable();
    const name = methodNames[method] ?? method;
    if (typeof engine[name] !== "function")
      throw Object.assign(new Error(`Method ${method} is not supported offline`), {
        code: "P1000",
      });
    const result = await engine[name](params ?? undefined);
    if (method === "diff" && result?.stdout) {
      // The native engine prints a diff through a `print` request to the CLI, then answers.
      send({
        id: nextOwnId++,
        method: "print",
        params: { content: result.stdout.replace(/\n$/, "") },
      });
      const { stdout: _printed, ...rest } = result;
      return rest;
    }
    return result ?? null;
  };

  const pending = new Set();
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line);
    if (!msg.method) return; // an acknowledgement of our own `print` request
    const work = handle(msg)
      .then((result) => send({ id: msg.id, result }))
      .catch((error) => send({ id: msg.id, error: toRpcError(error) }))
      .finally(() => pending.delete(work));
    pending.add(work);
  });
  lines.on("close", async () => {
    await Promise.allSettled([...pending]);
    process.exit(0); // the engine's timers would keep the process alive otherwise
  });
}

function toRpcError(error) {
  const message = error?.message ?? String(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: error?.code, meta: error?.meta ?? {} },
  };
}
