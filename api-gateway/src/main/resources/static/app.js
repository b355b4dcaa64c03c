// Ferry's Images page: plain JavaScript over the gateway's REST API and its operation stream.
// Names are checked here with the same rules as the server, before anything is sent; the
// server checks them again and its problem message is shown as it is.
"use strict";

const NAME_RULE = "1-29 characters, lowercase letters and digits, separated by single '-' or '_' "
  + "(no leading, trailing or doubled separator)";
const TAG_RULE = "1-128 characters: letters, digits, '_', '.' and '-', not starting with '.' or '-'";
const NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

const state = { me: null, team: null, stream: null, operations: new Map() };

const $ = (id) => document.getElementById(id);

// ---- rules ---------------------------------------------------------------------------------

function nameError(name, what) {
  if (!name) return `Enter ${what}.`;
  if (name.length > 29 || !NAME.test(name)) return `The ${what} must have ${NAME_RULE}.`;
  return null;
}

/** The error in a "name[:tag]" value, or null when it is fine. */
function nameTagError(value) {
  if (!value) return "Enter a name, optionally with :tag.";
  const parts = value.split(":");
  if (parts.length > 2) return "Use at most one ':' between name and tag.";
  const error = nameError(parts[0], "name");
  if (error) return error;
  if (parts.length === 2 && !TAG.test(parts[1])) return `The tag must have ${TAG_RULE}.`;
  return null;
}

/** The image name Ferry suggests for an archive: its file name without the archive suffix. */
function stem(file) {
  for (const suffix of [".tar.gz", ".tgz", ".tar"]) {
    if (file.endsWith(suffix)) return file.slice(0, -suffix.length);
  }
  return file;
}

// ---- HTTP ----------------------------------------------------------------------------------

class Problem extends Error {}

async function api(method, path, body) {
  const headers = { "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" };
  if (state.me && state.me.csrf && method !== "GET") headers[state.me.csrf.headerName] = state.me.csrf.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new Problem("Could not reach the gateway. Check your connection and try again.");
  }
  if (response.status === 401) {
    window.location.href = "/login";
    throw new Problem("Your session ended; log in again.");
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const detail = json && (json.detail || json.title);
    throw new Problem(detail || `The gateway answered ${response.status}.`);
  }
  return json;
}

// ---- small DOM helpers ---------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function show(target, kind, text) {
  const node = typeof target === "string" ? $(target) : target;
  node.className = "message " + kind;
  node.textContent = text;
}

function clear(target) {
  const node = $(target);
  node.className = "message";
  node.textContent = "";
}

function fillSelect(select, options, emptyText) {
  select.replaceChildren();
  if (options.length === 0) {
    select.append(el("option", { value: "" }, emptyText));
    select.disabled = true;
    return;
  }
  select.disabled = false;
  for (const option of options) {
    const node = el("option", { value: option.value }, option.label);
    if (option.disabled) node.disabled = true;
    select.append(node);
  }
  const firstEnabled = options.find((o) => !o.disabled);
  if (firstEnabled) select.value = firstEnabled.value;
}

/** Wires inline validation of one field: the error shows while typing and blocks the submit. */
function validated(inputId, check) {
  const input = $(inputId);
  const error = $(inputId + "-error");
  const run = () => {
    const problem = check(input.value.trim());
    error.textContent = problem || "";
    input.classList.toggle("invalid", !!problem);
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    return !problem;
  };
  input.addEventListener("input", run);
  return run;
}

// ---- lists ---------------------------------------------------------------------------------

async function loadPushFiles() {
  const select = $("push-file");
  try {
    const files = await api("GET", `/api/v1/teams/${state.team}/push-files`);
    const archives = files.filter((f) => !f.reason || !f.reason.startsWith("it is not an archive"));
    fillSelect(select, archives.map((f) => ({
      value: f.name,
      label: f.pushable ? `${f.name} (${size(f.size)})` : `${f.name} — ${f.reason}`,
      // A failed archive stays selectable: pushing it under another name is how a user fixes a
      // name the watcher refused. Files already taken or unreadable are not.
      disabled: !f.pushable && !(f.reason || "").startsWith("its last push failed")
    })), "No archives in push-images");
    prefillPushImage();
  } catch (e) {
    fillSelect(select, [], "Archives unavailable");
    show("push-result", "error", e.message);
  }
}

async function loadReservations() {
  const select = $("commit-reservation");
  clear("commit-result");
  fillSelect(select, [], "Loading reservations…");
  try {
    const reservations = await api("GET", `/api/v1/teams/${state.team}/reservations`);
    fillSelect(select, reservations.map((r) => ({ value: r.id, label: r.label })),
      "No active reservations");
  } catch (e) {
    fillSelect(select, [], "Reservations unavailable");
    show("commit-result", "error", e.message);
  }
}

async function loadImages() {
  try {
    const repositories = await api("GET", `/api/v1/teams/${state.team}/images`);
    const all = [];
    const own = [];
    for (const repository of repositories) {
      for (const tag of repository.tags) {
        all.push({ value: `${repository.repository}:${tag}`, label: `${repository.repository}:${tag}` });
        if (repository.namespace === state.team) {
          own.push({ value: `${repository.name}:${tag}`, label: `${repository.repository}:${tag}` });
        }
      }
    }
    fillSelect($("export-image"), all, "No images yet");
    fillSelect($("delete-image"), own, "No images of your team yet");
    prefillExportName();
  } catch (e) {
    fillSelect($("export-image"), [], "Images unavailable");
    fillSelect($("delete-image"), [], "Images unavailable");
    show("export-result", "error", e.message);
  }
}

function prefillPushImage() {
  const file = $("push-file").value;
  if (file) {
    $("push-image").value = stem(file);
    $("push-image").dispatchEvent(new Event("input"));
  }
}

function prefillExportName() {
  const image = $("export-image").value;
  if (image && !$("export-name").value) {
    $("export-name").value = image.split("/")[1].split(":")[0];
    $("export-name").dispatchEvent(new Event("input"));
  }
}

function size(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

// ---- operations ----------------------------------------------------------------------------

const RESULT_LABELS = { reference: "reference", digest: "digest", size: "size", path: "path", sha256: "sha256" };

function renderOperation(op) {
  const status = op.status.toLowerCase();
  const item = el("li", { class: `op ${status}`, id: `op-${op.id}`, "data-status": op.status });
  item.append(el("div", { class: "op-head" },
    el("span", { class: "kind" }, op.kind),
    el("span", { class: "status" }, op.status),
    el("span", {}, new Date(op.updatedAt).toLocaleString()),
    op.requestedBy ? el("span", {}, `by ${op.requestedBy} (${op.source})`) : (op.source ? el("span", {}, op.source) : null),
    el("span", { class: "op-id" }, op.id)));
  const kind = op.status === "SUCCEEDED" ? "ok" : op.status === "FAILED" ? "error" : "info";
  if (op.message) item.append(el("div", { class: `message ${kind}` }, op.message));
  if (op.status === "RUNNING" || op.status === "QUEUED") {
    const bar = el("progress", { max: "100" });
    const p = op.progress;
    if (p && p.total > 0) {
      bar.value = Math.min(100, Math.round((100 * p.done) / p.total));
      item.append(bar, el("div", { class: "progress-text" }, `${p.stage}: ${size(p.done)} of ${size(p.total)}`));
    } else {
      bar.removeAttribute("value"); // indeterminate while the total is unknown
      item.append(bar, el("div", { class: "progress-text" },
        p ? `${p.stage}: ${size(p.done)}` : op.status === "QUEUED" ? "Waiting for a worker…" : "Starting…"));
    }
  }
  const order = ["reference", "digest", "path", "size", "sha256"];
  const rank = (key) => (order.indexOf(key) < 0 ? order.length : order.indexOf(key));
  const entries = Object.entries(op.result || {}).sort((a, b) => rank(a[0]) - rank(b[0]));
  if (entries.length > 0) {
    const list = el("dl", { class: "result" });
    for (const [key, value] of entries) {
      const shown = key === "size" && /^\d+$/.test(value) ? `${size(Number(value))} (${value} bytes)` : value;
      list.append(el("dt", {}, RESULT_LABELS[key] || key), el("dd", { "data-key": key }, shown));
    }
    item.append(list);
  }
  return item;
}

function upsertOperation(op) {
  const previous = state.operations.get(op.id);
  // The store never moves an operation back; ignore an older copy that arrives late.
  if (previous && new Date(previous.updatedAt) > new Date(op.updatedAt)) return;
  state.operations.set(op.id, op);
  const list = $("operations");
  const node = renderOperation(op);
  const existing = $(`op-${op.id}`);
  if (existing) existing.replaceWith(node);
  else list.prepend(node);
  $("no-operations").hidden = true;
  if (op.status === "SUCCEEDED" && previous && previous.status !== "SUCCEEDED") {
    if (op.kind === "push" || op.kind === "commit" || op.kind === "delete") loadImages();
  }
}

async function loadOperations() {
  const operations = await api("GET", `/api/v1/teams/${state.team}/operations`);
  state.operations.clear();
  $("operations").replaceChildren();
  for (const op of operations.slice().reverse()) upsertOperation(op);
  $("no-operations").hidden = operations.length > 0;
}

function connectStream() {
  if (state.stream) state.stream.close();
  const stream = new EventSource(`/api/v1/teams/${state.team}/operations/stream`);
  state.stream = stream;
  stream.addEventListener("ready", () => {
    $("live").classList.add("on");
    $("banner").hidden = true;
    // (Re)load after the stream is live, so no change falls between the list and the stream.
    loadOperations().catch((e) => banner(e.message));
  });
  stream.addEventListener("operation", (event) => upsertOperation(JSON.parse(event.data)));
  stream.onerror = () => {
    $("live").classList.remove("on");
    if (stream.readyState === EventSource.CLOSED) {
      banner("Live updates stopped. Reload the page to see new progress.");
    }
  };
}

function banner(text) {
  show("banner", "error", text);
  $("banner").hidden = false;
}

// ---- actions -------------------------------------------------------------------------------

async function submit(button, resultId, action) {
  button.disabled = true;
  clear(resultId);
  try {
    const accepted = await action();
    show(resultId, "info", `Queued as operation ${accepted.operationId}.`);
    const op = await api("GET", `/api/v1/operations/${accepted.operationId}`).catch(() => null);
    if (op) upsertOperation(op);
    return true;
  } catch (e) {
    show(resultId, "error", e.message);
    return false;
  } finally {
    button.disabled = false;
  }
}

function wire() {
  const pushValid = validated("push-image", nameTagError);
  const commitValid = validated("commit-image", nameTagError);
  const exportValid = validated("export-name", (v) => nameError(v, "export name"));

  $("push-file").addEventListener("change", prefillPushImage);
  $("export-image").addEventListener("change", () => { $("export-name").value = ""; prefillExportName(); });

  $("push-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!pushValid()) return;
    const file = $("push-file").value;
    if (!file) { show("push-result", "error", "Choose an archive first."); return; }
    const ok = await submit($("push-button"), "push-result", () =>
      api("POST", `/api/v1/teams/${state.team}/pushes`, { file, image: $("push-image").value.trim() }));
    if (ok) loadPushFiles();
  });

  $("commit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!commitValid()) return;
    const reservationId = $("commit-reservation").value;
    if (!reservationId) { show("commit-result", "error", "Choose a reservation first."); return; }
    await submit($("commit-button"), "commit-result", () =>
      api("POST", `/api/v1/teams/${state.team}/commits`, { reservationId, image: $("commit-image").value.trim() }));
  });

  $("export-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!exportValid()) return;
    const image = $("export-image").value;
    if (!image) { show("export-result", "error", "Choose an image first."); return; }
    await submit($("export-button"), "export-result", () =>
      api("POST", `/api/v1/teams/${state.team}/exports`, {
        image, name: $("export-name").value.trim(), overwrite: $("export-overwrite").checked
      }));
  });

  $("delete-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const image = $("delete-image").value;
    if (!image) { show("delete-result", "error", "Choose an image first."); return; }
    const [name, tag] = image.split(":");
    const allTags = $("delete-all-tags").checked;
    if (!window.confirm(`Delete ${state.team}/${image}${allTags ? " and every tag on the same image" : ""} for good?`)) return;
    await submit($("delete-button"), "delete-result", () =>
      api("DELETE", `/api/v1/teams/${state.team}/images/${encodeURIComponent(name)}/tags/${encodeURIComponent(tag)}?allTags=${allTags}`));
  });

  for (const button of document.querySelectorAll("[data-refresh]")) {
    button.addEventListener("click", () => {
      const what = button.getAttribute("data-refresh");
      if (what === "push-files") loadPushFiles();
      if (what === "reservations") loadReservations();
      if (what === "images") loadImages();
    });
  }

  $("team").addEventListener("change", () => selectTeam($("team").value));

  $("logout").addEventListener("click", async () => {
    await api("POST", "/logout").catch(() => null);
    window.location.href = "/login?logout";
  });
}

function selectTeam(team) {
  state.team = team;
  for (const id of ["push-result", "commit-result", "export-result", "delete-result"]) clear(id);
  $("export-name").value = "";
  connectStream();
  loadPushFiles();
  loadReservations();
  loadImages();
}

async function start() {
  wire();
  try {
    state.me = await api("GET", "/api/v1/me");
  } catch (e) {
    banner(e.message);
    return;
  }
  $("user").textContent = state.me.username + (state.me.admin ? " (admin)" : "");
  const teams = state.me.teams;
  fillSelect($("team"), teams.map((t) => ({ value: t, label: t })), "No team");
  $("team").disabled = teams.length < 2;
  if (teams.length === 0) { banner("Your account belongs to no team with a NAS folder."); return; }
  selectTeam(state.me.team && teams.includes(state.me.team) ? state.me.team : teams[0]);
}

document.addEventListener("DOMContentLoaded", start);
