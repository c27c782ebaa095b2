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
  // A commenter who asked for it finds their name and email filled in on the next post. Both stay
  // in this browser (localStorage); nothing is sent but the comment itself.
  var SAVED = 'inkwell.commenter';
  function remember(form) {
    var choice = document.getElementById('comment-remember-choice');
    var box = document.getElementById('comment-remember');
    if (!form || !choice || !box || !window.localStorage) {
      return;
    }
    choice.hidden = false;
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(SAVED));
    } catch (unreadable) {
      saved = null;
    }
    if (saved && typeof saved.name === 'string' && typeof saved.email === 'string') {
      box.checked = true;
      if (!form.authorName.value) {
        form.authorName.value = saved.name;
      }
      if (!form.authorEmail.value) {
        form.authorEmail.value = saved.email;
      }
    }
    form.addEventListener('submit', function () {
      if (box.checked) {
        localStorage.setItem(
          SAVED, JSON.stringify({ name: form.authorName.value, email: form.authorEmail.value }));
      } else {
        localStorage.removeItem(SAVED);
      }
    });
  }
  // "Reply" under a comment chooses it in the form and moves there, without a page load.
  function replies(form) {
    if (!form || !form.parentId) {
      return;
    }
    document.querySelectorAll('a.reply-link[data-comment]').forEach(function (link) {
      if (link.dataset.enhanced) {
        return;
      }
      link.dataset.enhanced = 'true';
      link.addEventListener('click', function (event) {
        event.preventDefault();
        form.parentId.value = link.dataset.comment;
        form.body.focus();
      });
    });
  }
  function init() {
    var comments = document.getElementById('comment-form');
    replies(comments);
    if (comments && !comments.dataset.enhanced) {
      remember(comments);
    }
    enhance(comments, 'comments');
    enhance(document.querySelector('#subscribe form'), 'subscribe');
  }
  init();
})();
