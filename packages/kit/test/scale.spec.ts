// `--scale payments=3`: what a step's list of processes becomes with several instances.
import { describe, expect, it } from "vitest";
import { parseScale, resolveEnv, withInstances, type ServiceEntry } from "../src/step-services.ts";

const services: ServiceEntry[] = [
  { name: "payments", entry: "services/payments/src/main.ts", port: 3004, env: { A: "1" } },
  { name: "web", entry: "services/web/src/main.ts", port: 3000, env: { P: "{payments}" } },
];

describe("withInstances", () => {
  it("When payments is scaled to 3, then three processes share its data folder, each on its own port and name", () => {
    const [first, second, third, web] = withInstances(services, { payments: 3 });

    expect([first, second, third].map((e) => [e!.name, e!.port, e!.data, e!.instanceOf])).toEqual([
      ["payments", 3004, "payments", "payments"],
      ["payments-2", 3024, "payments", "payments"],
      ["payments-3", 3044, "payments", "payments"],
    ]);
    expect(second!.env, "its own env, and its name for the logs").toEqual({
      A: "1",
      SHOP_INSTANCE: "payments-2",
    });
    expect(web, "a service not scaled is left as it is").toEqual(services[1]);
  });

  it("When services.json asks for instances, then they start without --scale, and --scale wins", () => {
    const listed = [{ ...services[0]!, instances: 2 }, services[1]!];

    expect(withInstances(listed).map((e) => e.name)).toEqual(["payments", "payments-2", "web"]);
    expect(withInstances(listed, { payments: 1 }).map((e) => e.name)).toEqual(["payments", "web"]);
  });

  it("When services.json asks for no instance, or more than the ports allow, then it says so", () => {
    for (const instances of [0, 6, 1.5])
      expect(() => withInstances([{ ...services[0]!, instances }]), String(instances)).toThrow(
        "instances must be 1 to 5",
      );
  });

  it("When --scale names a service the step does not have, then it says so", () => {
    expect(() => withInstances(services, { paymnets: 2 })).toThrow("no service paymnets");
  });
});

describe("resolveEnv", () => {
  const urls = {
    payments: "http://127.0.0.1:3004",
    "payments-2": "http://127.0.0.1:3024",
    "payments-b": "http://127.0.0.1:3014",
    orders: "http://127.0.0.1:3003",
  };
  const env = (value: string) => resolveEnv({ ...services[1]!, env: { P: value } }, urls).P;

  it("When a value says {name*}, then it lists every instance of that service, and only those", () => {
    expect(env("{payments*}")).toBe("http://127.0.0.1:3004,http://127.0.0.1:3024");
    expect(env("{orders*}"), "not scaled: its one URL").toBe("http://127.0.0.1:3003");
    expect(env("{payments}"), "without the star: the first").toBe("http://127.0.0.1:3004");
  });

  it("When a value names a service not started before, then it says so", () => {
    expect(() => env("{shipping*}")).toThrow("{shipping} is not started before it");
  });
});

describe("parseScale", () => {
  it("When given pairs, repeated or with commas, then it reads them all", () => {
    expect(parseScale(["--scale", "payments=3,orders=2", "--scale", "web=1"])).toEqual({
      payments: 3,
      orders: 2,
      web: 1,
    });
    expect(parseScale(["--port-offset", "100"])).toEqual({});
  });

  it("When a count is missing, zero or too many for the ports, then it says what it wants", () => {
    for (const bad of ["payments", "payments=0", "payments=6", "=2", "payments=two"])
      expect(() => parseScale(["--scale", bad]), bad).toThrow("name=N with N from 1 to 5");
  });
});
