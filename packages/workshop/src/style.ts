import { styleText } from "node:util";

type Style = Parameters<typeof styleText>[0];

/** Colours on a terminal, plain text in pipes, logs and tests (and with NO_COLOR). */
const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style: Style) => (text: string) => (useColor() ? styleText(style, text) : text);

export const green = paint("green");
export const red = paint("red");
export const yellow = paint("yellow");
export const dim = paint("dim");
export const bold = paint("bold");
