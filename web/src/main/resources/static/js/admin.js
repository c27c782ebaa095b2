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
