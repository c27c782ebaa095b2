// The comment and subscribe forms work as plain form posts; with this, they are sent without
// leaving the page: the same post, and the section of the answer page swapped in.
(function () {
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  function enhance(form, sectionId) {
    if (!form || form.dataset.enhanced) {
      return;
    }
    form.dataset.enhanced = 'true';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button[type=submit]');
      if (button) {
        button.disabled = true;
      }
      fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin'
      })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(sectionId);
          var current = document.getElementById(sectionId);
          if (!fresh || !current) {
            form.submit();
            return;
          }
          current.replaceWith(fresh);
          init();
          var notice = fresh.querySelector('[role=status], [role=alert]');
          if (notice) {
            notice.setAttribute('tabindex', '-1');
            notice.focus();
          }
        })
        .catch(function () { form.submit(); });
    });
  }
  function init() {
    enhance(document.getElementById('comment-form'), 'comments');
    enhance(document.querySelector('#subscribe form'), 'subscribe');
  }
  init();
})();
