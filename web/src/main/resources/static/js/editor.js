// Live preview for the post editor: the Preview button works without this; with it, the preview
// follows the typing. The Markdown is rendered and sanitised by post-service, as on save.
(function () {
  var form = document.getElementById('editor');
  var preview = document.getElementById('preview');
  if (!form || !preview || !window.fetch) {
    return;
  }
  // Ghost's word count, of the words readers will read (the preview's), with the reading time
  // the post's page will show (275 words a minute)
  var count = document.createElement('p');
  count.id = 'word-count';
  count.className = 'hint';
  form.elements.body.parentNode.insertAdjacentElement('afterend', count);
  function countWords() {
    var text = preview.textContent.trim();
    var words = text ? text.split(/\s+/).length : 0;
    // an empty draft has no reading time yet
    count.textContent = words + (words === 1 ? ' word' : ' words')
      + (words === 0 ? '' : ' · ' + Math.max(1, Math.ceil(words / 275)) + ' min read');
  }
  // pictures that readers who cannot see them would miss: without a description (alt text), or
  // with only the camera's or the file's name for one; WordPress's and Ghost's picture blocks ask
  // for it the same way
  var undescribed = document.createElement('p');
  undescribed.id = 'alt-hint';
  undescribed.className = 'hint';
  undescribed.hidden = true;
  count.insertAdjacentElement('afterend', undescribed);
  var fileName = /^(?:(?:img|dsc[fn]?|pxl|photo|image|screenshot|screen shot)[\s_-]*)?[\d\s_.-]*$|\.(?:jpe?g|png|gif|webp|heic|avif)$/i;
  function checkDescriptions() {
    var missing = Array.prototype.filter.call(preview.querySelectorAll('img'), function (img) {
      var alt = (img.getAttribute('alt') || '').trim();
      return !alt || fileName.test(alt);
    }).length;
    undescribed.hidden = missing === 0;
    undescribed.textContent = missing === 0 ? '' : missing
      + (missing === 1 ? ' picture has' : ' pictures have')
      + ' no description for readers who cannot see it: write one between the brackets,'
      + ' ![a tram at night](…)';
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
          if (window.Prism) {
            // code coloured as readers will see it (ADR 27)
            window.Prism.highlightAllUnder(preview);
          }
          countWords();
          checkDescriptions();
        }
      });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  refresh();
})();

// Pictures from the editor: each is uploaded to the media library (as the Images page does without
// script). "Insert a picture" puts its Markdown where the cursor is, on a paragraph of its own, and
// so does a picture pasted into the body or dropped on it (as in Ghost's and WordPress's editors);
// "Upload a cover" makes it the post's cover. "Attach a file" does for audio, video and documents
// what "Insert a picture" does, through the Files page (an episode on its own line plays).
(function () {
  var form = document.getElementById('editor');
  if (!form || !window.fetch || !window.FormData || !window.Inkwell) {
    return;
  }

  // calls done(answer) with {markdown, url} or {error}, and tells how it goes in status; answers
  // the function that uploads a file given otherwise (pasted, dropped)
  function uploader(holderId, inputId, statusId, done, library) {
    var holder = document.getElementById(holderId);
    var input = document.getElementById(inputId);
    var status = document.getElementById(statusId);
    if (!holder || !input || !status) {
      return null;
    }
    holder.hidden = false;
    function upload(file) {
      var data = new FormData();
      data.append('file', file);
      var csrf = form.querySelector('input[name="_csrf"]');
      if (csrf) {
        data.append('_csrf', csrf.value);
      }
      // admin.js's: how much of it has gone, then that it is stored
      var url = library || '/admin/images';
      window.Inkwell.upload(url, data, 'application/json', file, status, function (request) {
        var answer;
        try {
          answer = JSON.parse(request.responseText);
        } catch (unreadable) {
          answer = { error: 'The upload failed (' + request.status + '); are you still signed in?' };
        }
        status.textContent = answer.url ? done(answer, file) : (answer.error || answer.detail || 'The upload failed.');
        input.value = '';
      }, function () {
        status.textContent = 'The upload failed; try again.';
      });
    }
    input.addEventListener('change', function (event) {
      event.stopPropagation();
      if (input.files[0]) {
        upload(input.files[0]);
      }
    });
    input.addEventListener('input', function (event) {
      event.stopPropagation();
    });
    return upload;
  }

  // the pictures among files pasted or dropped, in the formats the media library takes
  function pictures(files) {
    return Array.prototype.filter.call(files || [], function (file) {
      return /^image\/(png|jpeg|gif|webp)$/.test(file.type);
    });
  }

  var body = document.getElementById('body');
  // the upload's Markdown where the cursor is, on a paragraph of its own
  function insert(answer, file) {
    var before = body.value.substring(0, body.selectionStart);
    var gap = before === '' || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
    body.setRangeText(gap + answer.markdown + '\n\n', body.selectionStart, body.selectionEnd, 'end');
    body.dispatchEvent(new Event('input', { bubbles: true }));
    body.focus();
    return file.name + ' is in the post.';
  }
  var insertPicture = uploader('insert-picture', 'picture', 'picture-status', insert);
  uploader('attach-file', 'attachment', 'attachment-status', insert, '/admin/files');
  if (insertPicture) {
    body.addEventListener('paste', function (event) {
      var pasted = pictures(event.clipboardData && event.clipboardData.files);
      if (pasted.length > 0) {
        event.preventDefault();
        pasted.forEach(insertPicture);
      }
    });
    body.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
      }
    });
    body.addEventListener('drop', function (event) {
      var dropped = pictures(event.dataTransfer && event.dataTransfer.files);
      if (dropped.length > 0) {
        event.preventDefault();
        dropped.forEach(insertPicture);
      }
    });
  }

  var cover = document.getElementById('coverImage');
  var coverPreview = document.getElementById('cover-preview');
  function showCover() {
    var address = cover.value.trim();
    coverPreview.hidden = address === '';
    if (address !== '') {
      coverPreview.src = address;
    }
  }
  if (cover && coverPreview) {
    cover.addEventListener('change', showCover);
    uploader('upload-cover', 'cover-file', 'cover-status', function (answer, file) {
      cover.value = answer.url;
      showCover();
      document.getElementById('coverAlt').focus();
      return file.name + ' is the cover; say what it shows below.';
    });
  }
})();

// A copy in the browser, as WordPress keeps one: the text is kept as it is typed, and when the
// editor opens with text that differs from the copy (the tab was closed, the browser crashed, the
// save never arrived), it offers to restore the copy. A copy equal to the page is dropped, so a
// save that arrived leaves nothing behind; copies older than a week are dropped too.
(function () {
  var form = document.getElementById('editor');
  var notice = document.getElementById('backup');
  if (!form || !notice || !form.dataset.backup || !window.localStorage) {
    return;
  }
  var PREFIX = 'inkwell-backup:';
  var WEEK = 7 * 24 * 60 * 60 * 1000;
  var FIELDS = ['title', 'body', 'excerpt', 'tags', 'slug', 'metaTitle', 'metaDescription', 'canonicalUrl'];
  var key = PREFIX + form.dataset.backup;

  function current() {
    var text = {};
    FIELDS.forEach(function (name) {
      text[name] = form.elements[name] ? form.elements[name].value : '';
    });
    return text;
  }
  // the words, as the server keeps them: it trims the title, normalises tags and slug, and
  // derives an excerpt where the copy has none
  function same(copy, page) {
    return ['title', 'body', 'excerpt'].every(function (name) {
      var kept = (copy[name] || '').replace(/\r\n/g, '\n').trim();
      var shown = (page[name] || '').replace(/\r\n/g, '\n').trim();
      return kept === shown || (name === 'excerpt' && kept === '');
    });
  }
  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(name));
    } catch (unreadable) {
      return null;
    }
  }

  for (var i = localStorage.length - 1; i >= 0; i--) {
    var name = localStorage.key(i);
    var kept = name && name.indexOf(PREFIX) === 0 ? read(name) : null;
    if (name && name.indexOf(PREFIX) === 0 && (!kept || Date.now() - kept.savedAt > WEEK)) {
      localStorage.removeItem(name);
    }
  }
  // a new post that was saved has an id now: its copy under "new" is this text
  var fresh = read(PREFIX + 'new');
  if (form.dataset.backup !== 'new' && fresh && same(fresh.text, current())) {
    localStorage.removeItem(PREFIX + 'new');
  }

  var backup = read(key);
  var watching = true;
  if (backup && !same(backup.text, current())) {
    // the copy is kept until the author chooses, whatever they type meanwhile
    watching = false;
    document.getElementById('backup-time').textContent = new Date(backup.savedAt).toLocaleString();
    notice.hidden = false;
  } else if (backup) {
    localStorage.removeItem(key);
  }

  document.getElementById('backup-restore').addEventListener('click', function () {
    FIELDS.forEach(function (name) {
      if (form.elements[name]) {
        form.elements[name].value = backup.text[name] || '';
      }
    });
    notice.hidden = true;
    watching = true;
    form.elements.body.dispatchEvent(new Event('input', { bubbles: true }));
    form.elements.title.focus();
  });
  document.getElementById('backup-discard').addEventListener('click', function () {
    localStorage.removeItem(key);
    notice.hidden = true;
    watching = true;
  });

  var timer = null;
  form.addEventListener('input', function () {
    if (!watching) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () {
      try {
        localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), text: current() }));
      } catch (full) {
        // no room in this browser's storage: the editor works as before, without a copy
      }
    }, 500);
  });
})();

// Formatting, as Ghost's Markdown editor and WordPress's text editor offer it: a toolbar above the
// body and the same keys (Ctrl+B bold, Ctrl+I italic, Ctrl+K a link; Cmd on a Mac) write the
// Markdown around the selection, or take it away when it is there already. Each change goes
// through the browser's own typing, so Ctrl+Z undoes it, and the live preview follows.
(function () {
  var body = document.getElementById('body');
  if (!body || !body.form || body.form.id !== 'editor') {
    return;
  }

  // replaces the characters from..to with text, as typing would, and selects within it
  function replace(from, to, text, selectFrom, selectTo) {
    body.focus();
    body.setSelectionRange(from, to);
    if (!document.execCommand || !document.execCommand('insertText', false, text)) {
      body.setRangeText(text, from, to, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    body.setSelectionRange(from + selectFrom, from + selectTo);
  }

  // **words**: the selection between marks, or the marks taken away from around it
  function wrap(mark, placeholder) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var value = body.value;
    var n = mark.length;
    if (value.substring(start - n, start) === mark && value.substring(end, end + n) === mark) {
      replace(start - n, end + n, value.substring(start, end), 0, end - start);
      return;
    }
    var words = value.substring(start, end) || placeholder;
    replace(start, end, mark + words + mark, n, n + words.length);
  }

  // [words](https://): the address selected, to be typed over; a selected address is the link's
  function link() {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var words = body.value.substring(start, end);
    if (/^https?:\/\/\S+$/.test(words)) {
      replace(start, end, '[link](' + words + ')', 1, 5);
    } else {
      words = words || 'link';
      replace(start, end, '[' + words + '](https://)', words.length + 3, words.length + 11);
    }
  }

  // "## ", "> ", "- ", "- [ ] " before each line of the selection, or taken away when every line
  // has it
  function prefix(mark) {
    var value = body.value;
    var from = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var to = value.indexOf('\n', Math.max(body.selectionEnd - 1, from));
    to = to < 0 ? value.length : to;
    var lines = value.substring(from, to).split('\n');
    var all = lines.every(function (line) { return line.indexOf(mark) === 0; });
    var text = lines.map(function (line) {
      return all ? line.substring(mark.length) : mark + line;
    }).join('\n');
    replace(from, to, text, all ? 0 : mark.length, text.length);
  }

  // "> [!NOTE]" and "> " before each line of the selection: a callout, its kind selected to be typed
  // over (TIP, IMPORTANT, WARNING, CAUTION)
  function callout() {
    var value = body.value;
    var from = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var to = value.indexOf('\n', Math.max(body.selectionEnd - 1, from));
    to = to < 0 ? value.length : to;
    var words = value.substring(from, to) || 'Words that stand out';
    var text = '> [!NOTE]\n' + words.split('\n').map(function (line) {
      return '> ' + line;
    }).join('\n');
    replace(from, to, text, 4, 8);
  }

  // `code` within a line; a fenced block around lines
  function code() {
    var words = body.value.substring(body.selectionStart, body.selectionEnd);
    if (words.indexOf('\n') < 0) {
      wrap('`', 'code');
    } else {
      replace(body.selectionStart, body.selectionEnd, '```\n' + words + '\n```', 4, 4 + words.length);
    }
  }

  var tools = [
    { name: 'Bold', text: 'B', key: 'b', run: function () { wrap('**', 'bold words'); } },
    { name: 'Italic', text: 'I', key: 'i', run: function () { wrap('_', 'words'); } },
    { name: 'Link', text: 'Link', key: 'k', run: link },
    { name: 'Heading', text: 'H', run: function () { prefix('## '); } },
    { name: 'Quote', text: 'Quote', run: function () { prefix('> '); } },
    { name: 'List', text: 'List', run: function () { prefix('- '); } },
    { name: 'Task list', text: 'Task list', run: function () { prefix('- [ ] '); } },
    { name: 'Callout', text: 'Callout', run: callout },
    { name: 'Code', text: 'Code', run: code }
  ];
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || '');
  var bar = document.createElement('div');
  bar.className = 'format-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Formatting');
  bar.setAttribute('aria-controls', 'body');
  tools.forEach(function (tool, i) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'format';
    button.textContent = tool.text;
    if (tool.text !== tool.name) {
      // B, I, H: named in words for a screen reader, whose words the letter begins
      button.setAttribute('aria-label', tool.name);
    }
    button.title = tool.name + (tool.key ? ' (' + (mac ? '⌘' : 'Ctrl+') + tool.key.toUpperCase() + ')' : '');
    if (tool.key) {
      button.setAttribute('aria-keyshortcuts', (mac ? 'Meta+' : 'Control+') + tool.key.toUpperCase());
    }
    // one stop of Tab for the whole bar, its buttons by the arrow keys (WAI-ARIA's toolbar)
    button.tabIndex = i === 0 ? 0 : -1;
    button.addEventListener('click', tool.run);
    bar.appendChild(button);
  });
  bar.addEventListener('keydown', function (event) {
    var buttons = Array.prototype.slice.call(bar.querySelectorAll('button'));
    var at = buttons.indexOf(document.activeElement);
    var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (at < 0 || to === undefined) {
      return;
    }
    event.preventDefault();
    to = (to + buttons.length) % buttons.length;
    buttons[at].tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  });
  body.parentNode.insertBefore(bar, body);

  body.addEventListener('keydown', function (event) {
    if (!(mac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) {
      return;
    }
    var key = event.key.toLowerCase();
    tools.forEach(function (tool) {
      if (tool.key === key) {
        event.preventDefault();
        tool.run();
      }
    });
  });
})();

// Ctrl+S (Cmd+S on a Mac) saves, as in WordPress and Ghost: the editor's "Save draft" button, not
// the browser's "save this page".
(function () {
  var form = document.getElementById('editor');
  var save = form && form.querySelector('button[name="action"][value="save"]');
  if (!save) {
    return;
  }
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save.click();
    }
  });
})();

// Leaving the editor with words not saved asks first, as WordPress and Ghost do ("Changes you made
// may not be saved"); saving, or any other button of the page (signing out), leaves without asking.
(function () {
  var form = document.getElementById('editor');
  if (!form) {
    return;
  }
  var unsaved = false;
  // typing, an inserted picture, a restored copy: each is an input event of the form
  form.addEventListener('input', function () {
    unsaved = true;
  });
  document.addEventListener('submit', function () {
    unsaved = false;
  }, true);
  window.addEventListener('beforeunload', function (event) {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();

// Ghost's counts under the search title and description: how much of them search results show
(function () {
  var fields = document.querySelectorAll('#editor [data-recommended]');
  Array.prototype.forEach.call(fields, function (field) {
    var count = document.createElement('span');
    count.className = 'hint';
    count.id = field.id + '-count';
    field.insertAdjacentElement('afterend', count);
    function update() {
      var used = field.value.length;
      var recommended = Number(field.dataset.recommended);
      count.textContent = used + ' of about ' + recommended + ' characters'
        + (used > recommended ? ': search results cut the rest' : '');
    }
    field.addEventListener('input', update);
    update();
  });
})();
