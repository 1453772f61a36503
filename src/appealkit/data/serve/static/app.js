// appealkit serve: keeps the volunteer's details in this browser (localStorage), fills them in,
// and shows a prison censor's words in the personal message as it is typed. No other requests.
"use strict";
(function () {
  var KEY = "appealkit.volunteer";
  var FIELDS = ["name", "address", "country", "lang"];
  var csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(me) {
    try { localStorage.setItem(KEY, JSON.stringify(me)); } catch (e) { /* private mode: asked again */ }
  }

  var me = load();
  var shown = document.getElementById("me");
  if (shown && me.name) {
    document.getElementById("me-name").textContent = me.name;
    shown.hidden = false;
    document.getElementById("forget").addEventListener("click", function (ev) {
      ev.preventDefault();
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      shown.hidden = true;
    });
  }

  var form = document.getElementById("write");
  if (!form) { return; }
  var complete = true;
  FIELDS.forEach(function (f) {
    var el = document.getElementById(f);
    if (me[f]) { el.value = me[f]; } else if (f !== "lang") { complete = false; }
  });
  if (complete && me.name) {
    document.getElementById("about").open = false;
    document.getElementById("about-name").textContent = "(" + me.name + ")";
  }
  form.addEventListener("submit", function () {
    var now = {};
    FIELDS.forEach(function (f) { now[f] = document.getElementById(f).value; });
    save(now);
  });

  var message = document.getElementById("message");
  var box = document.getElementById("censor");
  var timer = null, asked = 0;
  function check() {
    var text = message.value;
    if (!text.trim()) { box.hidden = true; box.textContent = ""; return; }
    var mine = ++asked;
    fetch("/api/censor", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify({text: text, case: form.dataset.case, lang: document.getElementById("lang").value})
    }).then(function (r) { return r.json(); }).then(function (data) {
      if (mine !== asked) { return; }  // a newer check is on its way
      var hits = data.warnings || [];
      box.textContent = "";
      if (!hits.length) { box.hidden = true; return; }
      var p = document.createElement("p");
      p.textContent = "A prison censor may stop a letter with these words:";
      var ul = document.createElement("ul");
      hits.forEach(function (h) {
        var li = document.createElement("li");
        li.textContent = "«" + h.word + "»: " + h.why;
        ul.appendChild(li);
      });
      box.appendChild(p); box.appendChild(ul); box.hidden = false;
    }).catch(function () { /* the letter page warns again */ });
  }
  message.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 300); });
})();
