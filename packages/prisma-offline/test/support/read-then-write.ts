// A second process on the same SQLite file, for beginImmediate.test.ts: `count` transactions,
// each reads, then writes what it read; prints how many failed, and why.
import { openSqlite } from "../../src/index.ts";

interface Notes {
  note: { count(): Promise<number>; create(args: { data: { text: string } }): Promise<unknown> };
  $transaction<T>(work: (tx: Notes) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
}

const [clientFile, dataDir, migrationsDir, count] = process.argv.slice(2);
const { PrismaClient } = (await import(clientFile!)) as { PrismaClient: new (o: any) => Notes };
const db = openSqlite(PrismaClient, {
  dataDir: dataDir!,
  file: "notes.db",
  migrationsDir: migrationsDir!,
});
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  await db
    .$transaction(async (tx) => {
      const seen = await tx.note.count();
      await new Promise((resolve) => setTimeout(resolve, 1)); // the other process writes meanwhile
      await tx.note.create({ data: { text: `${process.pid} saw ${seen}` } });
    })
    .catch((error: Error) => failures.push(error.message.split("\n").at(-1)!));
}
await db.$disconnect();
process.stdout.write(JSON.stringify({ failures }));
