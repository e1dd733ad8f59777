// leadup works without JavaScript; this file only adds conveniences.
(function () {
  "use strict";

  // Suggest the browser's time zone on forms that ask for one and still
  // hold the server's default.
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  document.querySelectorAll("input[data-detect-timezone]").forEach(function (input) {
    if (zone && (input.value === "" || input.value === "UTC")) { input.value = zone; }
  });

  // Ask before a destructive form is sent.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });

  // Buttons rest while a create form travels (the server's token is what
  // makes it exactly once).
  function buttons(form, disabled) {
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = disabled; });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("input[name=token]")) { return; }
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      setTimeout(function () { buttons(form, true); }, 0);
    });
  });
  // Back restores a page from the cache with its buttons still resting.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form").forEach(function (form) { buttons(form, false); });
  });

  // The service worker sits beside the manifest, under the base path.
  var manifest = document.querySelector("link[rel=manifest]");
  if (manifest && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(new URL("sw.js", manifest.href).href).catch(function () {});
  }

  // The capture form's draft, per user and with its token, stays until the
  // entry page shows that token; it is sent once when back online and
  // dropped on sign-out.
  var PREFIX = "leadup-draft-";
  function each(fn) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0) { fn(k); }
      }
    } catch (e) { /* no storage, no drafts */ }
  }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function store(key, d) {
    try { localStorage.setItem(key, JSON.stringify(d)); } catch (e) { /* full or off */ }
  }
  // What a form held, without its token, in a few bytes: a sent draft is
  // remembered by this and its token, never by its text.
  function digest(f) {
    var s = JSON.stringify(f.filter(function (x) { return x[0] !== "token"; })), h = 5381;
    for (var i = 0; i < s.length; i++) { h = (h * 33 + s.charCodeAt(i)) | 0; }
    return String(h);
  }
  var SENT = "leadup-sent-";
  var created = document.querySelector("[data-created-token]");
  if (created) {
    each(function (k) {
      var d = load(k);
      if (d && d.token === created.getAttribute("data-created-token")) {
        localStorage.removeItem(k);
        store(SENT + k.slice(PREFIX.length), { token: d.token, digest: digest(d.fields) });
      }
    });
  }
  document.querySelectorAll("form[action$='/logout']").forEach(function (form) {
    form.addEventListener("submit", function () {
      each(function (k) { localStorage.removeItem(k); });
      try {
        Object.keys(localStorage).forEach(function (k) { if (k.indexOf(SENT) === 0) { localStorage.removeItem(k); } });
      } catch (e) { /* no storage */ }
    });
  });

  var form = document.querySelector("form[data-capture]");
  if (!form) { return; }
  var key = form.getAttribute("data-capture");
  var note = document.createElement("p");
  note.className = "notice ok";
  note.setAttribute("role", "status");
  note.hidden = true;
  form.parentNode.insertBefore(note, form);
  function say(msg) { note.textContent = msg; note.hidden = !msg; }

  function snapshot(queued) {
    var fields = [];
    new FormData(form).forEach(function (v, n) { fields.push([n, String(v)]); });
    var token = form.querySelector("input[name=token]");
    store(key, { token: token ? token.value : "", fields: fields, queued: queued });
  }
  function restore(d) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (c) { c.checked = false; });
    d.fields.forEach(function (f) {
      form.querySelectorAll("[name='" + f[0] + "']").forEach(function (el) {
        if (el.type === "checkbox") { if (el.value === f[1]) { el.checked = true; } } else { el.value = f[1]; }
      });
    });
  }

  var draft = load(key);
  // Back from the entry a draft made: the notice cookie changed on the
  // way, which keeps this page out of the back/forward cache, so it is
  // loaded afresh with a new token while the browser puts back what was
  // typed (later than the page's load). If Save then sends exactly what
  // was sent before, it goes with that token, and shows that entry
  // instead of making a second. Any other visit forgets the sent draft.
  var sentKey = SENT + key.slice(PREFIX.length), sent = load(sentKey);
  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  if (sent && (draft || !nav || nav.type !== "back_forward")) {
    localStorage.removeItem(sentKey);
    sent = null;
  }
  // A form the server sent back with errors already holds what was typed,
  // and one opened from a share sheet holds what was shared.
  if (draft && !form.querySelector("[aria-invalid]") && !/[?&](text|url)=/.test(location.search)) {
    restore(draft);
    say(draft.queued ? "Your entry will be sent once you are back online." : "Your unsaved draft is back.");
  }
  ["input", "change"].forEach(function (t) { form.addEventListener(t, function () { snapshot(false); }); });
  form.addEventListener("submit", function (event) {
    if (sent) {
      var now = [], tok = form.querySelector("input[name=token]");
      new FormData(form).forEach(function (v, n) { now.push([n, String(v)]); });
      if (tok && digest(now) === sent.digest) { tok.value = sent.token; }
      localStorage.removeItem(sentKey);
      sent = null;
    }
    if (navigator.onLine !== false) { snapshot(false); return; }
    event.preventDefault();
    snapshot(true);
    say("You are offline. The entry is kept here and will be sent once you are back online.");
  });

  var sending = false;
  function sendQueued() {
    var d = load(key);
    if (!d || !d.queued || sending) { return; }
    sending = true;
    fetch(form.action, { method: "POST", body: new URLSearchParams(d.fields), credentials: "same-origin" })
      .then(function (resp) {
        if (resp.ok && resp.redirected && /\/entries\/\d+$/.test(new URL(resp.url).pathname)) {
          localStorage.removeItem(key);
          window.location.assign(resp.url);
          return;
        }
        // A 422 or an ended session: the server's own answer keeps every
        // field, and the token makes the repeat harmless.
        d.queued = false;
        store(key, d);
        restore(d);
        form.submit();
      })
      .catch(function () { sending = false; });
  }
  window.addEventListener("online", sendQueued);
  if (navigator.onLine) { sendQueued(); }
})();
