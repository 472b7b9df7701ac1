// The storefront: plain JavaScript against the storefront API (the same API in every step).
const $ = (selector) => document.querySelector(selector);
const money = (cents) => `$${(cents / 100).toFixed(2)}`;
const CART_KEY = "workshop-shop-cart";

let products = [];
let cart = JSON.parse(localStorage.getItem(CART_KEY) ?? "[]");

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "content-type": "application/json", ...options.headers },
  });
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok)
    throw Object.assign(new Error(body?.error?.message ?? response.statusText), {
      status: response.status,
      body,
    });
  return body;
}

/** What went wrong, in words a shopper understands. */
function inPlainWords(error) {
  const e = error?.body?.error ?? {};
  const name = (sku) => products.find((p) => p.sku === sku)?.name ?? sku;
  switch (e.code ?? error) {
    case "PAYMENT_DECLINED":
      return "Your card was declined. Nothing was charged; please try another card.";
    case "OUT_OF_STOCK":
      return e.sku
        ? `Sorry, only ${e.available} ${name(e.sku)} left in stock.`
        : "Sorry, an item ran out of stock before we could reserve it.";
    case "UNKNOWN_SKU":
      return "One of the products in your cart is no longer sold.";
    case "DEPENDENCY_UNAVAILABLE":
      return `The ${e.dependency ?? "shop"} service is not answering right now. Nothing was charged; please try again in a moment.`;
    case "INVALID_INPUT":
      return `Please check: ${Object.entries(e.fields ?? {})
        .map(([field, reason]) => `${field} ${reason}`)
        .join("; ")}.`;
    default:
      return e.message ?? "Something went wrong. Please try again.";
  }
}

// ---- shop page ----
async function loadProducts() {
  products = await api("/api/products");
  const list = $("#products");
  list.replaceChildren(...products.map(productCard));
  list.setAttribute("aria-busy", "false");
}

function productCard(p) {
  const li = document.createElement("li");
  li.className = "product";
  li.dataset.sku = p.sku;
  const stockClass = p.available === 0 ? "none" : p.available <= 5 ? "low" : "";
  li.innerHTML = `
    <h3></h3>
    <span class="price">${money(p.priceCents)}</span>
    <span class="stock ${stockClass}">${p.available === 0 ? "Sold out" : `${p.available} in stock`}</span>
    <div class="buy">
      <input type="number" min="1" max="${Math.max(1, p.available)}" value="1" aria-label="Quantity of ${p.name}" />
      <button type="button" ${p.available === 0 ? "disabled" : ""}>Add to cart</button>
    </div>`;
  li.querySelector("h3").textContent = p.name;
  li.querySelector("button").addEventListener("click", () =>
    addToCart(p.sku, Number(li.querySelector("input").value)),
  );
  return li;
}

function saveCart() {
  localStorage.setItem(CART_KEY, JSON.stringify(cart));
  renderCart();
}

function addToCart(sku, qty) {
  if (!Number.isInteger(qty) || qty < 1) return;
  const line = cart.find((l) => l.sku === sku);
  if (line) line.qty += qty;
  else cart.push({ sku, qty });
  saveCart();
}

async function renderCart() {
  const lines = cart.filter((l) => products.some((p) => p.sku === l.sku));
  $("#cart-empty").hidden = lines.length > 0;
  $("#cart-lines").hidden = $("#checkout").hidden = lines.length === 0;
  const rows = lines.map((line) => {
    const p = products.find((x) => x.sku === line.sku);
    const tr = document.createElement("tr");
    tr.innerHTML = `<td></td><td>${line.qty}</td><td class="num">${money(p.priceCents * line.qty)}</td><td><button type="button" class="link" aria-label="Remove ${p.name}">✕</button></td>`;
    tr.firstChild.textContent = p.name;
    tr.querySelector("button").addEventListener("click", () => {
      cart = cart.filter((l) => l.sku !== line.sku);
      saveCart();
    });
    return tr;
  });
  $("#cart-lines tbody").replaceChildren(...rows);
  const subtotal = lines.reduce(
    (sum, l) => sum + products.find((p) => p.sku === l.sku).priceCents * l.qty,
    0,
  );
  $("#subtotal").textContent = money(subtotal);
  $("#total").textContent = money(subtotal);
  $("#shipping").textContent = lines.length ? "calculating…" : "";
  if (lines.length) await renderShippingQuote(lines, subtotal);
}

/** One quote per cart line, summed; the shipping service may answer with its flat-rate fallback. */
let latestQuote = 0;
async function renderShippingQuote(lines, subtotal) {
  const mine = ++latestQuote; // a slow answer for an older cart must not overwrite a newer one
  try {
    const quotes = await Promise.all(
      lines.map((l) => api(`/api/shipping/quote?sku=${encodeURIComponent(l.sku)}&qty=${l.qty}`)),
    );
    if (mine !== latestQuote) return;
    const cents = quotes.reduce((sum, q) => sum + q.cents, 0);
    const fallback = quotes.some((q) => q.source === "fallback");
    $("#shipping").textContent = `${money(cents)}${fallback ? " (flat rate)" : ""}`;
    $("#shipping").dataset.source = fallback ? "fallback" : "carrier";
    $("#total").textContent = money(subtotal + cents);
  } catch {
    if (mine === latestQuote) $("#shipping").textContent = "unavailable";
  }
}

/**
 * One Idempotency-Key per checkout attempt: clicking again after an error sends the same key, so
 * orders finishes or undoes the first try instead of placing a second order. Another cart or
 * card is another attempt, with a new key; so is the next checkout after a success.
 */
let attempt = null;
function keyFor(body) {
  if (attempt?.body !== body) attempt = { body, key: crypto.randomUUID() };
  return attempt.key;
}

async function placeOrder(event) {
  event.preventDefault();
  const button = $("#place-order");
  const error = $("#checkout-error");
  button.disabled = true;
  error.hidden = true;
  try {
    const body = JSON.stringify({ lines: cart, card: $("#card").value.replace(/\s+/g, "") });
    const order = await api("/api/orders", {
      method: "POST",
      headers: { "Idempotency-Key": keyFor(body) },
      body,
    });
    attempt = null;
    cart = [];
    saveCart();
    navigate(`/orders/${order.id}`);
  } catch (e) {
    error.textContent = inPlainWords(e);
    error.hidden = false;
    await loadProducts();
  } finally {
    button.disabled = false;
  }
}

async function loadOrders() {
  const orders = await api("/api/orders");
  $("#orders").replaceChildren(
    ...orders.map((o) => {
      const li = document.createElement("li");
      li.innerHTML = `<a class="mono" href="/orders/${o.id}">${o.id.slice(0, 8)}</a><span class="badge ${o.status}">${o.status}</span><span>${money(o.totalCents)}</span>`;
      return li;
    }),
  );
  if (orders.length === 0) $("#orders").innerHTML = `<li class="muted">No orders yet.</li>`;
}

// ---- order page ----
let shownOrderId = null;

function renderOrder(order) {
  $("#order-id").textContent = order.id;
  $("#order-status").textContent = order.status;
  $("#order-status").className = `badge ${order.status}`;
  $("#order-reason").hidden = !order.rejectionReason;
  $("#order-reason").textContent = order.rejectionReason ? inPlainWords(order.rejectionReason) : "";
  $("#order-lines tbody").replaceChildren(
    ...order.lines.map((l) => {
      const tr = document.createElement("tr");
      tr.innerHTML = `<td></td><td>${l.qty}</td><td class="num">${money(l.unitPriceCents * l.qty)}</td>`;
      tr.firstChild.textContent = products.find((p) => p.sku === l.sku)?.name ?? l.sku;
      return tr;
    }),
  );
  $("#order-total").textContent = money(order.totalCents);
  $("#cancel-order").hidden = order.status !== "CONFIRMED";
}

let liveStatus = null;

async function showOrder(id) {
  shownOrderId = id;
  $("#order-error").hidden = true;
  if (products.length === 0) products = await api("/api/products");
  const order = await api(`/api/orders/${id}`);
  renderOrder(order);
  $("#travel-note").hidden = true;
  if (order.status === "PENDING") watchStatus(id);
  await renderHistory(id);
}

/** The order's events, oldest first; each one can be viewed as the order was right after it. */
async function renderHistory(id) {
  const events = await api(`/api/orders/${id}/history`);
  $("#history").replaceChildren(
    ...events.map((e) => {
      const li = document.createElement("li");
      li.innerHTML = `<strong></strong> <span class="muted">${new Date(e.occurredAt).toLocaleTimeString()}</span> <button type="button" class="link">as it was then</button>`;
      li.querySelector("strong").textContent = e.type;
      li.querySelector("button").setAttribute(
        "aria-label",
        `View the order as it was at version ${e.version}`,
      );
      li.querySelector("button").addEventListener("click", () =>
        travelTo(id, e.version, events.length),
      );
      return li;
    }),
  );
}

/** Time travel: the state folded from the first `version` events only. */
async function travelTo(id, version, latest) {
  liveStatus?.close();
  renderOrder(await api(`/api/orders/${id}?version=${version}`));
  $("#cancel-order").hidden = true;
  $("#travel-note").hidden = false;
  $("#travel-note").textContent =
    version === latest
      ? `As it is now (version ${version}).`
      : `As it was at version ${version} of ${latest}.`;
}

/** PENDING is not the end: the server pushes the status as soon as the other services decide. */
function watchStatus(id) {
  liveStatus?.close();
  liveStatus = new EventSource(`/api/orders/${id}/events`);
  liveStatus.addEventListener("status", (event) => {
    const order = JSON.parse(event.data);
    if (order.id !== shownOrderId) return;
    renderOrder(order);
    renderHistory(order.id);
    if (order.status !== "PENDING") liveStatus.close();
  });
}

async function cancelShownOrder() {
  try {
    renderOrder(await api(`/api/orders/${shownOrderId}/cancel`, { method: "POST" }));
    await renderHistory(shownOrderId);
    // the stock, the refund and the shipment follow by events
  } catch (e) {
    $("#order-error").textContent = inPlainWords(e);
    $("#order-error").hidden = false;
  }
}

// ---- routing ----
function navigate(path) {
  history.pushState({}, "", path);
  route();
}

async function route() {
  liveStatus?.close();
  const match = location.pathname.match(/^\/orders\/([\w-]+)$/);
  $("#shop-page").hidden = Boolean(match);
  $("#order-page").hidden = !match;
  if (match) return showOrder(match[1]);
  await loadProducts();
  await Promise.all([renderCart(), loadOrders()]);
}

$("#checkout").addEventListener("submit", placeOrder);
$("#cancel-order").addEventListener("click", cancelShownOrder);
window.addEventListener("popstate", route);
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='/']");
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});
route();
