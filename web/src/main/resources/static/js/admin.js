// Uploads that tell how much of them has gone, for the Files and Images pages (below) and the
// editor's pictures and files (editor.js): "Uploading x… 40 %" every tenth (often enough to see
// it move, seldom enough not to flood a screen reader), then "Storing x…" while the blog keeps
// it. XMLHttpRequest rather than fetch: only it tells how much of a request has gone. Calls
// answered(request) when the answer is in, failed() when none came.
window.Inkwell = window.Inkwell || {};
window.Inkwell.upload = function (url, data, accept, file, status, answered, failed) {
  'use strict';
  status.textContent = 'Uploading ' + file.name + '…';
  var request = new XMLHttpRequest();
  var told = 0;
  request.upload.addEventListener('progress', function (progress) {
    var tenths = progress.lengthComputable ? Math.floor(progress.loaded / progress.total * 10) : 0;
    if (tenths > told && tenths < 10) {
      told = tenths;
      status.textContent = 'Uploading ' + file.name + '… ' + tenths * 10 + ' %';
    }
  });
  request.upload.addEventListener('load', function () {
    status.textContent = 'Storing ' + file.name + '…';
  });
  request.addEventListener('load', function () {
    answered(request);
  });
  request.addEventListener('error', failed);
  request.open('POST', url);
  request.setRequestHeader('Accept', accept);
  request.send(data);
};

// Every admin page: signing out forgets the editor's copies of unsaved text kept in this browser
// (editor.js), so that the next person at a shared computer does not find them.
(function () {
  'use strict';
  var PREFIX = 'inkwell-backup:';
  document.addEventListener('submit', function (event) {
    if (!event.target.matches('form[action$="/admin/sign-out"]')) {
      return;
    }
    try {
      Object.keys(window.localStorage)
        .filter(function (key) { return key.indexOf(PREFIX) === 0; })
        .forEach(function (key) { window.localStorage.removeItem(key); });
    } catch (storageRefused) {
      // private mode or storage turned off: nothing was kept
    }
  });
})();

// The comment and post lists' bulk actions: a "Tick all" box, where scripts run (without them,
// each is ticked on its own).
(function () {
  'use strict';
  var bulk = document.getElementById('bulk');
  if (!bulk) {
    return;
  }
  var label = document.createElement('label');
  var all = document.createElement('input');
  all.type = 'checkbox';
  all.id = 'tick-all';
  label.appendChild(all);
  label.appendChild(document.createTextNode(' Tick all'));
  bulk.insertBefore(label, bulk.firstChild);
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name="ids"][form="bulk"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();

// The Files and Images pages' uploads, where scripts run: an episode of 80 MB takes minutes over a
// home line, so the page tells how much of it has gone (as the editor's "Attach a file" does)
// instead of leaving it to the browser's own indicator. The answer is the page the form leads to,
// with the new file's Markdown: its main part takes the place of this one's. Anything else (a
// refusal the gateway gives, a session that ended) is shown or opened as it is.
(function () {
  'use strict';
  if (!document.querySelector('form.file-upload') || !window.FormData || !window.DOMParser) {
    return;
  }
  // where the upload tells how it goes, under the form's button
  function statusOf(upload) {
    var status = upload.querySelector('.upload-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'upload-status';
      status.setAttribute('role', 'status');
      upload.appendChild(status);
    }
    return status;
  }
  statusOf(document.querySelector('form.file-upload'));
  document.addEventListener('submit', function (event) {
    var upload = event.target;
    if (!upload.matches('form.file-upload')) {
      return;
    }
    var input = upload.querySelector('input[type=file]');
    var file = input && input.files[0];
    if (!file) {
      return;
    }
    event.preventDefault();
    var button = upload.querySelector('button[type=submit]');
    var status = statusOf(upload);
    button.disabled = true;
    var data = new FormData(upload);
    window.Inkwell.upload(upload.action, data, 'text/html', file, status, function (request) {
      var answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      var main = answer.getElementById('main');
      var landed = new URL(request.responseURL || upload.action, location.href);
      if (request.status === 200 && main && landed.pathname === new URL(upload.action).pathname) {
        document.getElementById('main').replaceWith(main);
        history.replaceState(null, '', landed.pathname + landed.search);
        var outcome = main.querySelector('section.notice, .error');
        if (outcome) {
          outcome.setAttribute('tabindex', '-1');
          outcome.focus();
        }
      } else if (request.status >= 400 && answer.querySelector('h1')) {
        // a refusal as a page (too large, too many): its words, on this page
        var words = answer.querySelector('main p');
        status.textContent = words ? words.textContent : answer.querySelector('h1').textContent;
        button.disabled = false;
      } else {
        location.assign(landed.href);
      }
    }, function () {
      status.textContent = 'The upload of ' + file.name + ' failed; try again.';
      button.disabled = false;
    });
  });
})();

// The Import page while an import stores its posts, where scripts run: the list of the latest
// imports follows it, the page fetched again every five seconds and its list taking the place of
// this one's, until none is storing; the status line then says so once (without scripts, its link
// looks again). A page that does not come (the session ended, the blog away) stops the following.
(function () {
  'use strict';
  var EVERY = 5000;
  var imports = document.getElementById('imports');
  if (!imports || imports.dataset.storing !== 'true' || !window.fetch || !window.DOMParser) {
    return;
  }
  function look() {
    fetch(location.pathname, {credentials: 'same-origin', headers: {Accept: 'text/html'}})
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('not the Import page');
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('imports');
        if (!fresh) {
          return;
        }
        imports.querySelector('tbody').replaceWith(fresh.querySelector('tbody'));
        if (fresh.dataset.storing === 'true') {
          window.setTimeout(look, EVERY);
        } else {
          imports.dataset.storing = 'false';
          document.getElementById('imports-status').textContent =
            'Every import has ended; the list says how.';
        }
      })
      .catch(function () {
        // the list stays as it was; its link looks again
      });
  }
  window.setTimeout(look, EVERY);
})();
