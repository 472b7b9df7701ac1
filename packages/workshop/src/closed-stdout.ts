// `npx workshop list | head`: once the reader has gone, the rest of the output has nowhere to go.
// Node reports that as an unhandled EPIPE with a stack trace; for a CLI it is a normal, quiet end.
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}
