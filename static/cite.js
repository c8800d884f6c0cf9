// The "Trích dẫn" line of a record's page: a button copies it with one tap. Without the
// script the button stays hidden and the line can be selected by hand.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (btn) {
    var text = document.getElementById(btn.getAttribute("data-copy"));
    var status = document.getElementById(btn.getAttribute("data-copy") + "-trang-thai");
    if (!text) return;
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var done = function () { if (status) status.textContent = "Đã sao chép."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.textContent).then(done, select);
      } else {
        select();
      }
      function select() {
        var range = document.createRange();
        range.selectNodeContents(text);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        if (document.execCommand && document.execCommand("copy")) done();
        else if (status) status.textContent = "Đã chọn; nhấn giữ để sao chép.";
      }
    });
  });
})();
