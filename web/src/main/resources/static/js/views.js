// Counts this reading of a post for its author (the admin's "Views"): one POST, of which nothing
// about the reader is kept. Robots, which run no script, are not counted; a page a
// browser renders ahead of time is counted when it is shown, if it is.
(function () {
  var script = document.currentScript;
  var post = script && script.dataset.post;
  if (!post) {
    return;
  }
  var address = '/api/posts/' + encodeURIComponent(post) + '/views';
  function count() {
    if (!(navigator.sendBeacon && navigator.sendBeacon(address)) && window.fetch) {
      fetch(address, { method: 'POST', credentials: 'omit', keepalive: true }).catch(function () {});
    }
  }
  if (document.prerendering) {
    document.addEventListener('prerenderingchange', count, { once: true });
  } else {
    count();
  }
})();
