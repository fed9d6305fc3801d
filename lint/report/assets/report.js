// copydesk report: filters by check, severity and file. The page's only script; its hash is in the
// page's Content-Security-Policy, which runs no other. The state is kept in the address's fragment
// (#check=spelling&severity=error,warning&file=news/a.md), so a filtered view can be bookmarked.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var check = form.elements.namedItem("check");
  var file = form.elements.namedItem("file");
  var boxes = form.querySelectorAll("input[name=severity]");
  var shown = document.getElementById("shown");
  var notes = document.querySelectorAll(".note[data-n]");
  var sections = document.querySelectorAll("section.article");
  var marks = {};
  document.querySelectorAll("mark[data-n], a.ref[data-n]").forEach(function (el) {
    (marks[el.getAttribute("data-n")] = marks[el.getAttribute("data-n")] || []).push(el);
  });

  function state() {
    var severities = [];
    boxes.forEach(function (box) { if (box.checked) { severities.push(box.value); } });
    return { check: check.value, severity: severities, file: file.value };
  }

  function matches(note, s) {
    var rule = note.getAttribute("data-rule");
    return (!s.check || rule === s.check || rule.indexOf(s.check + ".") === 0) &&
      s.severity.indexOf(note.getAttribute("data-severity")) >= 0 &&
      (!s.file || note.getAttribute("data-path") === s.file);
  }

  function apply(s) {
    var count = 0;
    var inFile = {};
    notes.forEach(function (note) {
      var on = matches(note, s);
      var n = note.getAttribute("data-n");
      note.hidden = !on;
      (marks[n] || []).forEach(function (el) { el.classList.toggle("off", !on); });
      if (on) {
        count += 1;
        inFile[note.getAttribute("data-path")] = true;
      }
    });
    sections.forEach(function (section) { section.hidden = !inFile[section.getAttribute("data-path")]; });
    document.querySelectorAll(".notes").forEach(function (group) {
      group.hidden = !group.querySelector(".note:not([hidden])");
    });
    shown.textContent = count + " of " + notes.length + (notes.length === 1 ? " finding" : " findings") + " shown";
    shown.setAttribute("data-shown", String(count));
    form.setAttribute("data-state", encode(s).toString());
  }

  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
    if (value && select === check) {  // a prefix or rule with no option of its own: added, so it can be undone
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
      select.value = value;
    }
  }

  function fromAddress() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") < 0) { return false; }  // #f3, #file2: a link to a finding or an article
    var params = new URLSearchParams(hash);
    choose(check, params.get("check") || "");
    choose(file, params.get("file") || "");
    var severity = params.get("severity");
    var wanted = severity === null ? null : severity.split(",");
    boxes.forEach(function (box) { box.checked = wanted === null || wanted.indexOf(box.value) >= 0; });
    return true;
  }

  function encode(s) {  // also the form's data-state: what the filters are set to, as the fragment says it
    var params = new URLSearchParams();
    if (s.check) { params.set("check", s.check); }
    if (s.severity.length < boxes.length) { params.set("severity", s.severity.join(",")); }
    if (s.file) { params.set("file", s.file); }
    return params;
  }

  function toAddress(s) {
    var params = encode(s);
    try {
      window.history.replaceState(null, "", "#" + params.toString());
    } catch (e) {
      // some browsers forbid it for a page opened from disk: the filters work all the same
    }
  }

  form.addEventListener("change", function () {
    var s = state();
    apply(s);
    toAddress(s);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { var s = state(); apply(s); toAddress(s); }, 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", function () { if (fromAddress()) { apply(state()); } });
  fromAddress();
  form.hidden = false;
  apply(state());
  document.documentElement.setAttribute("data-filters", "on");
})();
