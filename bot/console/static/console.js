// Staff console: the little the server-rendered pages need. No framework, no inline script (CSP 'self').
(function () {
  "use strict";

  // Forms with data-confirm ask first; a submitted form's buttons are disabled so one click sends once.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    var buttons = form.querySelectorAll("button");
    window.setTimeout(function () {
      for (var i = 0; i < buttons.length; i += 1) buttons[i].disabled = true;
    }, 0);
  });

  // Pages with data-refresh reload themselves every N seconds, unless the staff member is typing.
  var seconds = Number(document.body.getAttribute("data-refresh"));
  if (seconds > 0) {
    window.setInterval(function () {
      var active = document.activeElement;
      var typing = active && (active.tagName === "TEXTAREA" || active.tagName === "INPUT");
      var fields = document.querySelectorAll("textarea");
      for (var i = 0; i < fields.length; i += 1) if (fields[i].value) typing = true;
      if (!typing) window.location.reload();
    }, seconds * 1000);
  }
})();
