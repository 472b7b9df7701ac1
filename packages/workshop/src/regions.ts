// Solution code in a step is marked `// #region exercise NN.K: title` … `// #endregion`.
// The starter keeps the markers and replaces what is between them with a TODO that throws.

export interface Region {
  id: string;
  title: string;
  /** 0-based line of the `#region` marker */
  start: number;
  /** 0-based line of the `#endregion` marker */
  end: number;
  indent: string;
  body: string;
}

const START = /^(\s*)\/\/ #region exercise (\d\d\.\d+): (.+?)\s*$/;
const END = /^\s*\/\/ #endregion\b/;

export function findRegions(text: string, file = "<text>"): Region[] {
  const lines = text.split("\n");
  const regions: Region[] = [];
  let open: { id: string; title: string; start: number; indent: string } | undefined;
  lines.forEach((line, i) => {
    const start = line.match(START);
    if (start) {
      if (open)
        throw new Error(`${file}:${i + 1}: region ${start[2]} opens inside region ${open.id}`);
      open = { id: start[2]!, title: start[3]!, start: i, indent: start[1]! };
    } else if (END.test(line) && open) {
      regions.push({ ...open, end: i, body: lines.slice(open.start + 1, i).join("\n") });
      open = undefined;
    }
  });
  if (open) throw new Error(`${file}:${open.start + 1}: region ${open.id} has no #endregion`);
  return regions;
}

export const todoMessage = (id: string, title: string) => `TODO exercise ${id}: ${title}`;

/** The starter's text: every region's body becomes one line that throws its TODO. */
export function stubRegions(text: string): string {
  const regions = findRegions(text);
  if (regions.length === 0) return text;
  const lines = text.split("\n");
  for (const region of [...regions].reverse()) {
    const stub = `${region.indent}throw new Error(${JSON.stringify(`${todoMessage(region.id, region.title)} (npx workshop hint ${region.id})`)});`;
    lines.splice(region.start + 1, region.end - region.start - 1, stub);
  }
  return lines.join("\n");
}

/** Puts `body` between the markers of region `id` (its n-th one in the file), keeping the markers. */
export function replaceRegionBody(text: string, id: string, body: string, occurrence = 0): string {
  const region = findRegions(text).filter((r) => r.id === id)[occurrence];
  if (!region) throw new Error(`No region ${id} (#${occurrence + 1}) in this file`);
  const lines = text.split("\n");
  lines.splice(region.start + 1, region.end - region.start - 1, ...body.split("\n"));
  return lines.join("\n");
}

/** The text with every region marker line removed: what `workshop diff` compares. */
export function withoutMarkers(text: string): string {
  return text
    .split("\n")
    .filter((line) => !START.test(line) && !END.test(line))
    .join("\n");
}

/** Every region `id` of `text` gets the body of the same region in `source` (a file may hold several). */
export function copyRegions(text: string, source: string, id: string): string {
  const bodies = findRegions(source)
    .filter((r) => r.id === id)
    .map((r) => r.body);
  return bodies.reduce((result, body, n) => replaceRegionBody(result, id, body, n), text);
}
