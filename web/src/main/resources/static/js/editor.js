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

// Insert a picture: uploads it to the media library (as the Images page does without script) and
// puts its Markdown where the cursor is, on a paragraph of its own.
(function () {
  var form = document.getElementById('editor');
  var body = document.getElementById('body');
  var holder = document.getElementById('insert-picture');
  var input = document.getElementById('picture');
  var status = document.getElementById('picture-status');
  if (!form || !body || !holder || !input || !window.fetch || !window.FormData) {
    return;
  }
  holder.hidden = false;
  input.addEventListener('change', function (event) {
    event.stopPropagation();
    var file = input.files[0];
    if (!file) {
      return;
    }
    var data = new FormData();
    data.append('file', file);
    var csrf = form.querySelector('input[name="_csrf"]');
    if (csrf) {
      data.append('_csrf', csrf.value);
    }
    status.textContent = 'Uploading ' + file.name + '…';
    fetch('/admin/images', {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { error: 'The upload failed (' + response.status + '); are you still signed in?' };
        });
      })
      .then(function (answer) {
        if (answer.markdown) {
          var before = body.value.substring(0, body.selectionStart);
          var gap = before === '' || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
          body.setRangeText(gap + answer.markdown + '\n\n', body.selectionStart, body.selectionEnd, 'end');
          body.dispatchEvent(new Event('input', { bubbles: true }));
          body.focus();
          status.textContent = file.name + ' is in the post.';
        } else {
          status.textContent = answer.error || answer.detail || 'The upload failed.';
        }
        input.value = '';
      })
      .catch(function () {
        status.textContent = 'The upload failed; try again.';
      });
  });
  input.addEventListener('input', function (event) {
    event.stopPropagation();
  });
})();
