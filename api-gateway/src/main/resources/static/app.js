// Ferry's Images page: plain JavaScript over the gateway's REST API and its operation stream.
// Names are checked here with the same rules as the server, before anything is sent; the
// server checks them again and its problem message is shown as it is.
"use strict";

const NAME_RULE = "1-29 characters, lowercase letters and digits, separated by single '-' or '_' "
  + "(no leading, trailing or doubled separator)";
const TAG_RULE = "1-128 characters: letters, digits, '_', '.' and '-', not starting with '.' or '-'";
const NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

// panels: the operation each panel's message follows (result element id -> operation id).
// deleteTarget: what the Delete panel shows about its chosen tag ({ image, tag, digest, size,
// movedFrom } once read, { image, gone, seen } or { image, error, seen } otherwise).
const state = {
  me: null, team: null, stream: null, operations: new Map(), panels: new Map(), deleteTarget: null
};

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

/** A refusal of the gateway: its problem's detail, and the HTTP status. */
class Problem extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

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
    throw new Problem(detail || `The gateway answered ${response.status}.`, response.status);
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

/** Shows a message of its own in a panel (or the banner); the panel stops following an operation. */
function show(target, kind, text) {
  const node = typeof target === "string" ? $(target) : target;
  state.panels.delete(node.id);
  delete node.dataset.operation;
  node.className = "message " + kind;
  node.textContent = text;
}

function clear(target) {
  show(target, "", "");
  $(target).className = "message";
}

/**
 * Fills a drop-down without ever changing what it shows as chosen, since live updates redraw it
 * while the user is about to act on the choice. A chosen value that is no longer offered stays,
 * disabled and marked gone, until the user chooses another: it is never replaced by a neighbour.
 * Only a drop-down with nothing chosen yet takes the placeholder, if given, or else its first
 * enabled option.
 */
function fillSelect(select, options, emptyText, placeholder) {
  const chosen = select.value;
  const chosenOption = select.selectedOptions[0];
  const chosenLabel = chosenOption ? chosenOption.dataset.label || chosenOption.textContent : "";
  const gone = chosen !== "" && !options.some((o) => o.value === chosen);
  if (options.length === 0 && !gone) {
    select.replaceChildren(el("option", { value: "" }, emptyText));
    select.disabled = true;
    select.classList.remove("gone");
    return;
  }
  const nodes = [];
  if (placeholder) nodes.push(el("option", { value: "" }, placeholder));
  if (gone) {
    const node = el("option", { value: chosen, "data-label": chosenLabel, class: "gone" },
      `${chosenLabel} — gone`);
    node.disabled = true;
    nodes.push(node);
  }
  for (const option of options) {
    const node = el("option", { value: option.value, "data-label": option.label }, option.label);
    if (option.disabled) node.disabled = true;
    nodes.push(node);
  }
  select.replaceChildren(...nodes);
  select.disabled = false;
  if (chosen !== "") {
    nodes.find((node) => node.value === chosen).selected = true;
  } else if (!placeholder) {
    const firstEnabled = options.find((o) => !o.disabled);
    if (firstEnabled) select.value = firstEnabled.value;
  }
  select.classList.toggle("gone", gone);
}

/** Whether the drop-down's choice is one that is gone from the list. */
function chosenGone(select) {
  const option = select.selectedOptions[0];
  return !!option && option.classList.contains("gone");
}

/** Once the user chose something else, a gone choice has nothing more to say. */
function forgetGone(select) {
  for (const option of [...select.querySelectorAll("option.gone")]) {
    if (!option.selected) option.remove();
  }
  select.classList.toggle("gone", chosenGone(select));
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
  const before = select.value;
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
    // The name field is the user's once they chose an archive: only a new choice refills it.
    if (select.value !== before) prefillPushImage();
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
    fillSelect($("delete-image"), own, "No images of your team yet", "Choose an image to delete…");
    prefillExportName();
    showDeleteTarget();
  } catch (e) {
    fillSelect($("export-image"), [], "Images unavailable");
    fillSelect($("delete-image"), [], "Images unavailable");
    show("export-result", "error", e.message);
  }
}

// ---- the Delete panel's target -------------------------------------------------------------

/**
 * Reads the chosen tag afresh and shows its digest and size; the delete names that digest. Called
 * when the user chooses, when the image list is redrawn and when a delete was refused, so a tag
 * pushed to since it was chosen shows its new digest, and must be confirmed again.
 */
async function showDeleteTarget() {
  const select = $("delete-image");
  const image = select.value;
  const before = state.deleteTarget && state.deleteTarget.image === image ? state.deleteTarget : null;
  // The digest last shown for this choice, also while it was gone: what the user confirmed.
  const seen = before ? before.digest || before.seen : null;
  let target = null;
  if (image && chosenGone(select)) {
    target = { image, gone: true, seen };
  } else if (image) {
    const [name, tag] = image.split(":");
    try {
      const details = await api("GET",
        `/api/v1/teams/${state.team}/images/${encodeURIComponent(name)}/tags/${encodeURIComponent(tag)}`);
      const moved = seen && seen !== details.digest;
      target = {
        image, tag, digest: details.digest, size: details.size,
        movedFrom: moved ? seen : before && before.movedFrom
      };
    } catch (e) {
      target = e.status === 404 ? { image, gone: true, seen } : { image, error: e.message, seen };
    }
    if (select.value !== image) return; // the user chose another tag meanwhile
  }
  // A typed confirmation holds only for the digest it was typed for.
  if (!target || target.digest !== (before && before.digest)) $("delete-confirm").value = "";
  state.deleteTarget = target;
  renderDeleteTarget();
}

function renderDeleteTarget() {
  const target = state.deleteTarget;
  const notice = $("delete-image-error");
  notice.textContent = "";
  $("delete-details").hidden = true;
  $("delete-confirm-label").replaceChildren(
    ...(target && target.digest ? ["Type ", el("code", {}, target.tag), " to confirm"] : ["Type the tag to confirm"]));
  if (target && target.digest) {
    $("delete-digest").textContent = target.digest;
    $("delete-size").textContent = target.size === null || target.size === undefined
      ? "unknown (a multi-platform image)" : `${size(target.size)} (${target.size} bytes)`;
    $("delete-details").hidden = false;
    if (target.movedFrom) {
      notice.textContent = `Someone pushed to this tag since you chose it (it was ${short(target.movedFrom)}). `
        + "Check the digest and type the tag again.";
    }
  } else if (target && target.gone) {
    notice.textContent = `${state.team}/${target.image} is gone from the registry. Choose another image.`;
  } else if (target && target.error) {
    notice.textContent = target.error;
  }
  updateDeleteButton();
}

/** Delete is possible only for a tag whose digest is shown, once the user typed that tag. */
function updateDeleteButton() {
  const target = state.deleteTarget;
  const readable = !!(target && target.digest);
  $("delete-confirm").disabled = !readable;
  $("delete-button").disabled = !readable || $("delete-confirm").value !== target.tag;
  if (!readable || $("delete-confirm").value === target.tag) $("delete-confirm-error").textContent = "";
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

/** A digest as people compare them at a glance: the algorithm and the first 12 hex digits. */
function short(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

function size(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

// ---- operations ----------------------------------------------------------------------------

const RESULT_LABELS = {
  reference: "reference", digest: "digest", size: "size", path: "path", sha256: "sha256",
  currentDigest: "now at", expectedDigest: "expected"
};

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
  const order = ["reference", "digest", "path", "size", "sha256", "currentDigest", "expectedDigest"];
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
  for (const [resultId, id] of state.panels) {
    if (id === op.id) showPanelOperation(resultId, op);
  }
  if (op.status === "SUCCEEDED" && previous && previous.status !== "SUCCEEDED") {
    if (op.kind === "push" || op.kind === "commit" || op.kind === "delete") loadImages();
  }
  if (op.status === "FAILED" && op.kind === "delete" && state.panels.get("delete-result") === op.id) {
    showDeleteTarget(); // a refused delete: show what the tag is now
  }
}

const ENDED = ["SUCCEEDED", "FAILED"];

/** Makes a panel's message follow one operation: blue while it waits or runs, then green or red. */
function follow(resultId, id) {
  state.panels.set(resultId, id);
  showPanelOperation(resultId, state.operations.get(id) || { id, status: "QUEUED" });
}

function showPanelOperation(resultId, op) {
  const node = $(resultId);
  const link = el("a", { href: `#op-${op.id}`, class: "op-link" }, op.id);
  node.dataset.operation = op.id;
  if (ENDED.includes(op.status)) {
    const ok = op.status === "SUCCEEDED";
    node.className = `message ${ok ? "ok" : "error"}`;
    node.replaceChildren(op.message || (ok ? "Done." : "Failed."),
      el("span", { class: "op-ref" }, "Operation ", link, "."));
  } else {
    node.className = "message info";
    node.replaceChildren(op.status === "RUNNING" ? "Running as operation " : "Queued as operation ",
      link, ".");
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
    follow(resultId, accepted.operationId);
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

  $("push-file").addEventListener("change", () => { forgetGone($("push-file")); prefillPushImage(); });
  $("commit-reservation").addEventListener("change", () => forgetGone($("commit-reservation")));
  $("export-image").addEventListener("change", () => {
    forgetGone($("export-image"));
    $("export-name").value = "";
    prefillExportName();
  });
  $("delete-image").addEventListener("change", () => {
    forgetGone($("delete-image"));
    state.deleteTarget = null;
    $("delete-confirm").value = "";
    renderDeleteTarget();
    showDeleteTarget();
  });
  $("delete-confirm").addEventListener("input", updateDeleteButton);

  $("push-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!pushValid()) return;
    const file = $("push-file").value;
    if (!file) { show("push-result", "error", "Choose an archive first."); return; }
    if (chosenGone($("push-file"))) {
      show("push-result", "error", `${file} is no longer in push-images. Choose another archive.`);
      return;
    }
    const ok = await submit($("push-button"), "push-result", () =>
      api("POST", `/api/v1/teams/${state.team}/pushes`, { file, image: $("push-image").value.trim() }));
    if (ok) loadPushFiles();
  });

  $("commit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!commitValid()) return;
    const reservationId = $("commit-reservation").value;
    if (!reservationId) { show("commit-result", "error", "Choose a reservation first."); return; }
    if (chosenGone($("commit-reservation"))) {
      show("commit-result", "error", "That reservation is no longer active. Choose another one.");
      return;
    }
    await submit($("commit-button"), "commit-result", () =>
      api("POST", `/api/v1/teams/${state.team}/commits`, { reservationId, image: $("commit-image").value.trim() }));
  });

  $("export-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!exportValid()) return;
    const image = $("export-image").value;
    if (!image) { show("export-result", "error", "Choose an image first."); return; }
    if (chosenGone($("export-image"))) {
      show("export-result", "error", `${image} is gone from the registry. Choose another image.`);
      return;
    }
    await submit($("export-button"), "export-result", () =>
      api("POST", `/api/v1/teams/${state.team}/exports`, {
        image, name: $("export-name").value.trim(), overwrite: $("export-overwrite").checked
      }));
  });

  $("delete-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const target = state.deleteTarget;
    if (!$("delete-image").value || !target) { show("delete-result", "error", "Choose an image first."); return; }
    if (!target.digest) { renderDeleteTarget(); return; }
    if ($("delete-confirm").value !== target.tag) {
      $("delete-confirm-error").textContent = `Type ${target.tag} to confirm.`;
      return;
    }
    const [name, tag] = target.image.split(":");
    // The digest the user saw goes along: if the tag was pushed to since, nothing is deleted.
    const query = new URLSearchParams({ allTags: String($("delete-all-tags").checked), digest: target.digest });
    $("delete-confirm").value = ""; // one confirmation, one delete
    const queued = await submit($("delete-button"), "delete-result", () =>
      api("DELETE", `/api/v1/teams/${state.team}/images/${encodeURIComponent(name)}/tags/${encodeURIComponent(tag)}?${query}`));
    updateDeleteButton();
    if (!queued) showDeleteTarget(); // refused (say 409): show what the tag is now
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
  // Another team's choices are not kept as "gone": each list starts afresh.
  for (const id of ["push-file", "commit-reservation", "export-image", "delete-image"]) $(id).replaceChildren();
  state.deleteTarget = null;
  $("delete-confirm").value = "";
  renderDeleteTarget();
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
