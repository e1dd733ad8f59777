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

  // A create form is sent once: its buttons rest while it travels. The
  // server's token is what makes it exactly once; this only saves a trip.
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
})();
