// The card network is slow in real life. PAYMENT_DELAY_MS makes this one slow on purpose, so a
// trainer can show what a slow dependency does to each step.
export async function cardNetworkDelay(): Promise<void> {
  const ms = Number(process.env.PAYMENT_DELAY_MS ?? 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
