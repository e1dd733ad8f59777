// leadup works without JavaScript; this file only adds conveniences.

// appWord is a word app.js shows, in the reader's language: the page
// carries them from the catalog (the layout's <template id="app-words">);
// {name} in a word is filled from fields. appWord.count picks a counted
// word's plural form by the page's language.
var appWord = (function () {
  "use strict";
  var words = {};
  var tpl = document.getElementById("app-words");
  if (tpl && tpl.content) {
    tpl.content.querySelectorAll("[data-word]").forEach(function (w) { words[w.getAttribute("data-word")] = w.textContent; });
  }
  var rules = null;
  try { rules = new Intl.PluralRules(document.documentElement.lang); } catch (e) { rules = null; }
  function word(key, fields) {
    return (words[key] || "").replace(/\{(\w+)\}/g, function (m, name) {
      return fields && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : m;
    });
  }
  word.count = function (key, n) {
    var form = key + "." + (rules ? rules.select(n) : "other");
    return word(words[form] !== undefined ? form : key + ".other", { n: String(n) });
  };
  return word;
})();

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
  // makes it exactly once). The capture form handles its own.
  function buttons(form, disabled) {
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = disabled; });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("input[name=token]") || form.hasAttribute("data-capture")) { return; }
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

  // What this file keeps on the device is the signed-in user's own, under
  // the key the page names: the draft being typed, the outbox of entries
  // not yet sent, and the last sent entry (for Back then Save).
  var device = document.body.getAttribute("data-device");
  var DRAFTS = "leadup-draft-", SENTS = "leadup-sent-";
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function store(key, d) {
    try { localStorage.setItem(key, JSON.stringify(d)); } catch (e) { /* full or off */ }
  }
  function drop(key) {
    try { localStorage.removeItem(key); } catch (e) { /* no storage */ }
  }
  // dropAll forgets every draft and sent mark on the device, whoever's.
  function dropAll() {
    try {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf(DRAFTS) === 0 || k.indexOf(SENTS) === 0) { localStorage.removeItem(k); }
      });
    } catch (e) { /* no storage */ }
  }
  // A notice the page shows; ok ones carry a tick, neutral ones do not.
  function notice(kind) {
    var p = document.createElement("p");
    p.className = "notice " + kind;
    p.setAttribute("role", "status");
    p.hidden = true;
    return p;
  }
  var main = document.getElementById("main");
  // A notice the server set for a page that a script fetched comes along.
  try {
    var carried = sessionStorage.getItem("leadup-notice");
    sessionStorage.removeItem("leadup-notice");
    if (carried && main && !main.querySelector(":scope > .notice")) {
      var n = notice("ok");
      n.textContent = carried;
      n.hidden = false;
      main.insertBefore(n, main.firstChild);
    }
  } catch (e) { /* no storage */ }
  if (!device || !main || !window.fetch) {
    document.querySelectorAll("form[action$='/logout']").forEach(function (form) {
      form.addEventListener("submit", dropAll);
    });
    return;
  }
  var OUTBOX = "leadup-outbox-" + device, DRAFT = DRAFTS + device, SENT = SENTS + device;

  // The outbox: entries saved while the server could not be reached, each
  // with its own one-use form token, sent in order when it answers again.
  function outbox() { return load(OUTBOX) || []; }
  function without(id) {
    var list = outbox().filter(function (e) { return e.id !== id; });
    if (list.length) { store(OUTBOX, list); } else { drop(OUTBOX); }
  }
  function field(e, name) {
    for (var i = 0; i < e.fields.length; i++) { if (e.fields[i][0] === name) { return e.fields[i][1]; } }
    return "";
  }

  // The badge lists what waits, neutral (nothing is saved yet), with a way
  // to discard each and to try again now.
  var badge = document.createElement("details");
  badge.className = "outbox";
  badge.hidden = true;
  var badgeLabel = document.createElement("summary");
  var badgeList = document.createElement("ul");
  var badgeNote = document.createElement("p");
  badgeNote.className = "small";
  badgeNote.textContent = appWord("outbox_note") + " ";
  var retry = document.createElement("button");
  retry.type = "button";
  retry.className = "secondary small";
  retry.textContent = appWord("send_now");
  badgeNote.appendChild(retry);
  badge.appendChild(badgeLabel);
  badge.appendChild(badgeList);
  badge.appendChild(badgeNote);
  var badgeLive = document.createElement("div");
  badgeLive.setAttribute("aria-live", "polite");
  badgeLive.appendChild(badge);
  main.insertBefore(badgeLive, main.firstChild);
  function render() {
    var list = outbox();
    badge.hidden = list.length === 0;
    badgeLabel.textContent = appWord.count("waiting", list.length);
    badgeList.textContent = "";
    list.forEach(function (e) {
      var li = document.createElement("li");
      var what = document.createElement("span");
      what.textContent = (field(e, "occurred_on") ? field(e, "occurred_on") + " · " : "") + (field(e, "summary") || appWord("no_summary"));
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "secondary small";
      discard.textContent = appWord("discard");
      discard.setAttribute("aria-label", field(e, "summary") ? appWord("discard_named", { summary: field(e, "summary") }) : appWord("discard_this"));
      discard.addEventListener("click", function () {
        if (window.confirm(appWord("discard_confirm", { summary: field(e, "summary") }))) {
          without(e.id);
          render();
        }
      });
      li.appendChild(what);
      li.appendChild(discard);
      badgeList.appendChild(li);
    });
  }
  window.addEventListener("storage", function (ev) { if (ev.key === OUTBOX || ev.key === null) { render(); } });
  render();

  // A token for an entry queued after the page's own was used: the
  // capture page mints one; it is kept with the entry before it is sent.
  function ensureToken(e) {
    if (e.token) { return Promise.resolve(e); }
    return fetch(new URL(".", e.action).href, { credentials: "same-origin" })
      .then(function (resp) { return resp.text().then(function (html) { return [resp, html]; }); })
      .then(function (r) {
        var doc = new DOMParser().parseFromString(r[1], "text/html");
        var tok = doc.querySelector("form[data-capture] input[name=token]");
        if (!r[0].ok || !tok) { return { status: r[0].status === 200 ? 401 : r[0].status }; }
        var list = outbox();
        list.forEach(function (x) { if (x.id === e.id) { x.token = tok.value; } });
        store(OUTBOX, list);
        e.token = tok.value;
        e.fields = e.fields.filter(function (f) { return f[0] !== "token"; }).concat([["token", e.token]]);
        list.forEach(function (x) { if (x.id === e.id) { x.fields = e.fields; } });
        store(OUTBOX, list);
        return e;
      });
  }

  // sendOne posts the outbox's first entry and says how it went: saved
  // (the entry's address), refused (422 and other refusals), signin (the
  // session ended) or down (no answer, or a proxy's "unavailable").
  function sendOne(e) {
    return ensureToken(e).then(function (r) {
      if (r.status) { return { signin: r.status === 401, down: r.status >= 500, refused: r.status < 500 && r.status !== 401 ? e : null }; }
      return fetch(e.action, { method: "POST", body: new URLSearchParams(e.fields), credentials: "same-origin" })
        .then(function (resp) {
          if (resp.ok && resp.redirected && /\/entries\/\d+$/.test(new URL(resp.url).pathname)) {
            return resp.text().then(function (html) {
              without(e.id);
              return { saved: resp.url, html: html, entry: e };
            });
          }
          if (resp.status === 401) { return { signin: true }; }
          if (resp.status >= 500) { return { down: true }; }
          return { refused: e };
        });
    }).catch(function () { return { down: true }; });
  }

  // flush sends the outbox in order until it is empty or one does not go,
  // one tab at a time, and stops at until (an entry's id) once it is saved.
  var flushing = null, retryTimer = 0;
  function flush(until) {
    if (flushing) { return flushing.then(function () { return flush(until); }); }
    function next(last) {
      var list = outbox();
      if (!list.length) { return last || { empty: true }; }
      return sendOne(list[0]).then(function (out) {
        if (!out.saved || (until && out.entry.id === until)) { return out; }
        return next(out);
      });
    }
    var run = navigator.locks ? navigator.locks.request(OUTBOX, function () { return next(null); }) : next(null);
    flushing = run.then(function (out) {
      flushing = null;
      render();
      clearTimeout(retryTimer);
      if (out.down) { retryTimer = setTimeout(background, 5000); }
      return out;
    }, function () { flushing = null; return { down: true }; });
    return flushing;
  }
  // background sends what waits while the person does something else: a
  // refused entry comes back as the server's form with its messages, and
  // an ended session leads to the sign-in page (back here after it).
  function background() {
    if (!outbox().length) { return; }
    flush(null).then(function (out) {
      if (out.refused) { showRefused(out.refused); }
      if (out.saved) { sentNote(out.saved); }
      if (out.signin) {
        var root = manifest ? new URL(".", manifest.href) : new URL("/", location.href);
        var next = "/" + location.pathname.slice(root.pathname.length) + location.search;
        window.location.assign(new URL("login?next=" + encodeURIComponent(next), root).href);
      }
    });
  }
  // showRefused posts the entry the ordinary way, so the server shows it
  // as a filled form with a message beside each bad field; its token keeps
  // the corrected post the same one. It stays a draft until saved.
  function showRefused(e) {
    without(e.id);
    store(DRAFT, { token: e.token, fields: e.fields });
    var f = document.createElement("form");
    f.method = "post";
    f.action = e.action;
    f.hidden = true;
    e.fields.forEach(function (x) {
      var i = document.createElement("input");
      i.type = "hidden";
      i.name = x[0];
      i.value = x[1];
      f.appendChild(i);
    });
    document.body.appendChild(f);
    HTMLFormElement.prototype.submit.call(f);
  }
  // sentNote says that what waited has gone, with a link to the last one.
  var sentMsg = notice("ok");
  badgeLive.appendChild(sentMsg);
  function sentNote(url) {
    sentMsg.textContent = appWord("sent") + " ";
    var a = document.createElement("a");
    a.href = url;
    a.textContent = appWord("see_last");
    sentMsg.appendChild(a);
    sentMsg.hidden = false;
  }
  retry.addEventListener("click", background);
  window.addEventListener("online", background);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { background(); } });

  // The entry page names the token that made its entry: a draft or a
  // waiting entry with that token is done.
  var created = document.querySelector("[data-created-token]");
  if (created) {
    var tok = created.getAttribute("data-created-token");
    var d = load(DRAFT);
    if (d && d.token === tok) {
      drop(DRAFT);
      store(SENT, { token: d.token, digest: digest(d.fields) });
    }
    outbox().forEach(function (e) { if (e.token === tok) { without(e.id); } });
    render();
  }

  // Signing out with entries waiting asks first: send them, or discard
  // them; nobody else signing in on this device ever sees them.
  document.querySelectorAll("form[action$='/logout']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!outbox().length) { dropAll(); return; }
      event.preventDefault();
      askBeforeSignOut(form);
    });
  });
  function askBeforeSignOut(form) {
    var n = outbox().length;
    var dlg = document.createElement("dialog");
    dlg.className = "card";
    dlg.setAttribute("aria-labelledby", "signout-q");
    var q = document.createElement("p");
    q.id = "signout-q";
    q.textContent = appWord.count("signout_question", n);
    var msg = document.createElement("p");
    msg.setAttribute("role", "alert");
    var acts = document.createElement("div");
    acts.className = "actions";
    function button(label, cls, fn) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = label;
      b.addEventListener("click", fn);
      acts.appendChild(b);
      return b;
    }
    function signOut() { dropAll(); HTMLFormElement.prototype.submit.call(form); }
    button(appWord("send_sign_out"), "", function () {
      msg.textContent = appWord("sending");
      flush(null).then(function (out) {
        if (!outbox().length) { signOut(); return; }
        msg.textContent = appWord(out.signin ? "session_ended" : out.refused ? "refused_one" : "unreachable");
        render();
      });
    });
    button(appWord("discard_sign_out"), "danger", function () { drop(OUTBOX); signOut(); });
    button(appWord("stay"), "secondary", function () { dlg.close(); dlg.remove(); });
    dlg.appendChild(q);
    dlg.appendChild(msg);
    dlg.appendChild(acts);
    document.body.appendChild(dlg);
    dlg.showModal();
  }

  // What a form held, without its token, in a few bytes: a sent draft is
  // remembered by this and its token, never by its text.
  function digest(f) {
    var s = JSON.stringify(f.filter(function (x) { return x[0] !== "token"; })), h = 5381;
    for (var i = 0; i < s.length; i++) { h = (h * 33 + s.charCodeAt(i)) | 0; }
    return String(h);
  }

  var form = document.querySelector("form[data-capture]");
  if (!form) { background(); return; }
  var token = form.querySelector("input[name=token]");
  var note = notice("wait");
  form.parentNode.insertBefore(note, form);
  function say(msg) { note.textContent = msg; note.hidden = !msg; }
  function fieldsOf(submitter) {
    var fields = [];
    (submitter ? new FormData(form, submitter) : new FormData(form)).forEach(function (v, n) { fields.push([n, String(v)]); });
    return fields;
  }
  function snapshot() { store(DRAFT, { token: token ? token.value : "", fields: fieldsOf(null) }); }
  function restore(d) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (c) { c.checked = false; });
    d.fields.forEach(function (f) {
      form.querySelectorAll("[name='" + f[0] + "']").forEach(function (el) {
        if (el.type === "checkbox") { if (el.value === f[1]) { el.checked = true; } } else { el.value = f[1]; }
      });
    });
  }

  var draft = load(DRAFT);
  // Back from the entry a draft made: this page may be loaded afresh with
  // a new token while the browser puts back what was typed (later than the
  // page's load). If Save then sends exactly what was sent before, it goes
  // with that token, and shows that entry instead of making a second. Any
  // other visit forgets the sent draft.
  var sent = load(SENT);
  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  if (sent && (draft || !nav || nav.type !== "back_forward")) {
    drop(SENT);
    sent = null;
  }
  // A form the server sent back with errors already holds what was typed,
  // and one opened from a share sheet holds what was shared.
  if (draft && !form.querySelector("[aria-invalid]") && !/[?&](title|text|url)=/.test(location.search)) {
    restore(draft);
    say(appWord("draft_back"));
  }
  ["input", "change"].forEach(function (t) { form.addEventListener(t, snapshot); });

  // Save puts the entry in the outbox with the form's token and sends the
  // outbox. Saved: on to the entry. No answer: it waits, the form clears
  // for the next one, and Save works again. Refused or signed out: the
  // form goes the ordinary way, and the server answers as without script.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sent) {
      if (token && digest(fieldsOf(null)) === sent.digest) { token.value = sent.token; }
      drop(SENT);
      sent = null;
    }
    var e = { id: String(Date.now()) + Math.random().toString(36).slice(2), token: token ? token.value : "", fields: fieldsOf(event.submitter), action: form.action };
    var list = outbox();
    list.push(e);
    store(OUTBOX, list);
    // No room on the device (storage full or off): the ordinary post.
    if (!outbox().some(function (x) { return x.id === e.id; })) {
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    buttons(form, true);
    say("");
    flush(e.id).then(function (out) {
      if (out.saved && out.entry.id === e.id) {
        drop(DRAFT);
        store(SENT, { token: e.token, digest: digest(e.fields) });
        var flash = new DOMParser().parseFromString(out.html, "text/html").querySelector("#main > .notice.ok");
        try { if (flash) { sessionStorage.setItem("leadup-notice", flash.textContent.trim()); } } catch (x) { /* no storage */ }
        window.location.assign(out.saved);
        return;
      }
      buttons(form, false);
      if (out.refused) {
        if (out.refused.id !== e.id) { showRefused(out.refused); return; }
        without(e.id);
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      if (out.signin) {
        // The server's sign-in page carries what was typed and saves it
        // after sign-in; the same token makes a later send of the waiting
        // copy a no-op.
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      if (outbox().some(function (x) { return x.id === e.id; })) {
        form.reset();
        if (token) { token.value = ""; }
        drop(DRAFT);
        say(appWord("not_sent"));
      }
      render();
    });
  });
  background();
})();

// Copy buttons, shown only when a script can copy: data-copy names a
// field whose value is copied (a one-time address; without a script it
// stays in the field to select by hand), data-copy-draft the address of a
// Markdown draft, fetched and copied. Safari keeps the click's permission
// only for a clipboard write started in the click, so a fetched text goes
// into a ClipboardItem where that exists.
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  function fetched(href) {
    return fetch(href, { credentials: "same-origin" }).then(function (res) {
      if (!res.ok) { throw new Error("draft " + res.status); }
      return res.text();
    });
  }
  function write(text) { // text is a string, or a promise of one
    if (typeof text !== "string" && window.ClipboardItem && navigator.clipboard.write) {
      var blob = text.then(function (t) { return new Blob([t], { type: "text/plain" }); });
      return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    }
    return Promise.resolve(text).then(function (t) { return navigator.clipboard.writeText(t); });
  }
  document.querySelectorAll("button[data-copy], button[data-copy-draft]").forEach(function (b) {
    var draft = b.getAttribute("data-copy-draft");
    var field = draft ? null : document.getElementById(b.getAttribute("data-copy"));
    if (draft ? !window.fetch : !field) { return; }
    var label = b.getAttribute("aria-label");
    function say(text, spoken) {
      b.textContent = appWord(text);
      if (label) { b.setAttribute("aria-label", appWord(spoken, { label: label })); }
    }
    b.hidden = false;
    b.addEventListener("click", function () {
      b.disabled = true;
      write(draft ? fetched(draft) : field.value).then(function () {
        say("copied", "copied_spoken");
      }, function () {
        if (field) {
          field.select();
          say("select_copy", "select_copy_spoken");
        } else {
          say("copy_failed", "copy_failed_spoken");
        }
      }).then(function () { b.disabled = false; });
    });
  });
})();
