// Upload progress for the import form (htmx reports the request's upload progress).
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var bar = document.getElementById("upload-progress");
  if (!form || !bar) return;
  form.addEventListener("htmx:xhr:progress", function (evt) {
    if (!evt.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((evt.detail.loaded / evt.detail.total) * 100);
  });
})();
