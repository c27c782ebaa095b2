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
