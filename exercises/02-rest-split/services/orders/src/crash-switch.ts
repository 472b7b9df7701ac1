// For tests only, like the kit's chaos switches (SHOP_CHAOS=1): CRASH_AFTER=charge kills orders
// (SIGKILL: no clean-up, as in a power cut) the moment that saga step has answered, before orders
// has written the answer down. Off unless set; main.ts wires it in, the saga only calls it.
import { chaosEnabled } from "@shop/kit";

export function crashSwitch(env = process.env): ((answered: string) => void) | undefined {
  const step = env.CRASH_AFTER;
  if (!step || !chaosEnabled()) return undefined;
  return (answered) => {
    if (answered === step) process.kill(process.pid, "SIGKILL");
  };
}
