// Live preview for the post editor: the Preview button works without this; with it, the preview
// follows the typing. The Markdown is rendered and sanitised by post-service, as on save.
(function () {
  var form = document.getElementById('editor');
  var preview = document.getElementById('preview');
  if (!form || !preview || !window.fetch) {
    return;
  }
  var timer = null;
  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    fetch('/admin/preview', { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.querySelector('#preview');
          preview.innerHTML = fresh ? fresh.innerHTML : '';
        }
      });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  refresh();
})();
