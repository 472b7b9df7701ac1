// The console page: polls the state every second, streams the message feed, and shows an order's
// timeline. Every button posts to the console's own API, which acts on the supervisor's processes.
const $ = (id) => document.getElementById(id);
const time = (iso) => iso.slice(11, 23);
const short = (id) => (id ?? "").slice(0, 8);

// Every action sends the admin header the console asks for: another site's page cannot send it.
async function post(path) {
  const response = await fetch(path, { method: "POST", headers: { "x-shop-admin": "1" } });
  if (!response.ok) alert((await response.json()).error?.message ?? `failed: ${response.status}`);
  shownState = "";
  await refresh();
}

function describeFaults(faults) {
  if (!faults) return "";
  const parts = [];
  if (faults.latencyMs) parts.push(`+${faults.latencyMs} ms`);
  if (faults.failRate) parts.push(`fails ${Math.round(faults.failRate * 100)}%`);
  if (faults.dropRate) parts.push(`drops ${Math.round(faults.dropRate * 100)}%`);
  if (faults.hang) parts.push("not answering");
  return parts.join(", ");
}

function serviceRow(service) {
  const row = document.createElement("tr");
  row.dataset.service = service.name;
  const up = service.state === "up";
  row.innerHTML = `<td>${service.name}</td><td class="state ${service.state}" data-testid="state-${service.name}">${service.state}</td>
    <td class="faults">${describeFaults(service.faults)}</td><td></td>`;
  const actions = row.lastElementChild;
  for (const [action, label, enabled] of [
    ["stop", "Stop", up],
    ["restart", "Restart", true],
    ["slow", "Slow", up],
    ["fail", "Fail", up],
    ["heal", "Heal", up],
  ]) {
    const button = document.createElement("button");
    button.textContent = label;
    button.disabled = !enabled;
    button.setAttribute("aria-label", `${label} ${service.name}`);
    button.addEventListener("click", () => post(`/api/services/${service.name}/${action}`));
    actions.append(button);
  }
  return row;
}

let shownState = "";
let shownOrders = "";
let currentOrder = null;

// Re-draws only what changed, so a button is not replaced under the pointer.
async function refresh() {
  const state = await (await fetch("/api/state")).json();
  if (currentOrder) await showTimeline(currentOrder);
  if (JSON.stringify(state) === shownState) return refreshOrders();
  shownState = JSON.stringify(state);
  $("step").textContent = state.step;
  if (state.storefront) $("storefront").href = state.storefront.replace("127.0.0.1", "localhost");
  $("asyncapi").hidden = !state.asyncApi;
  $("services").replaceChildren(...state.services.map(serviceRow));
  $("broker").hidden = state.brokerLink === null;
  $("broker-state").textContent = state.brokerLink ?? "";
  $("broker-state").className = state.brokerLink ?? "";
  $("no-feed").hidden = state.feed;
  await refreshOrders();
}

async function refreshStuck() {
  const { orders, stuckAfterMs } = await (await fetch("/api/stuck-orders")).json();
  $("stuck").hidden = orders.length === 0;
  $("stuck-after").textContent = `${Math.round((stuckAfterMs ?? 0) / 1000)} s`;
  $("stuck-orders").replaceChildren(
    ...orders.map((order) => {
      const button = document.createElement("button");
      button.textContent = `${short(order.id)} for ${Math.round(order.pendingForMs / 1000)} s`;
      button.addEventListener("click", () => showTimeline(order.id));
      return button;
    }),
  );
}

async function refreshOrders() {
  await refreshStuck();
  const orders = await (await fetch("/api/orders")).json();
  if (JSON.stringify(orders) === shownOrders) return;
  shownOrders = JSON.stringify(orders);
  $("recent-orders").replaceChildren(
    ...orders.map((order) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.textContent = `${short(order.id)} ${order.status}`;
      button.addEventListener("click", () => showTimeline(order.id));
      item.append(button);
      return item;
    }),
  );
}

async function showTimeline(orderId) {
  if (currentOrder !== orderId) $("order-id").value = orderId;
  currentOrder = orderId;
  const entries = await (await fetch(`/api/orders/${encodeURIComponent(orderId)}/timeline`)).json();
  $("timeline").replaceChildren(
    ...entries.map((entry) => {
      const row = document.createElement("tr");
      row.className = entry.kind;
      row.innerHTML = `<td>${time(entry.at)}</td><td></td><td></td><td class="cid">${short(entry.correlationId)}</td>`;
      row.children[1].textContent = entry.source;
      row.children[2].textContent = entry.text;
      return row;
    }),
  );
}

$("broker-cut").addEventListener("click", () => post("/api/broker/cut"));
$("broker-restore").addEventListener("click", () => post("/api/broker/restore"));
$("timeline-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if ($("order-id").value.trim()) showTimeline($("order-id").value.trim());
});

new EventSource("/api/feed").onmessage = (event) => {
  const message = JSON.parse(event.data);
  const item = document.createElement("li");
  item.innerHTML = `<span>${time(message.at)}</span><span></span><span class="cid" title="correlation id">${short(message.correlationId)}</span>`;
  item.children[1].textContent =
    message.type +
    (message.orderId ? ` (order ${short(message.orderId)})` : "") +
    (message.from ? ` from ${message.from}` : "");
  $("feed").prepend(item);
  while ($("feed").children.length > 200) $("feed").lastElementChild.remove();
};

await refresh();
setInterval(refresh, 1_000);
