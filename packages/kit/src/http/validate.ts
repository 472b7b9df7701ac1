// Input validation at the edge: zod checks the shape, and every problem is reported by its path.
import type { z } from "zod";
import { InvalidInput } from "./errors.ts";

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    fields[path] ??= issue.message;
  }
  throw new InvalidInput(fields);
}
