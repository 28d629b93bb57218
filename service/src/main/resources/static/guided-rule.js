// The guided-rule builder: the sentence follows the choices (the page works without this script through "Xem câu").
(function () {
  var form = document.getElementById('guided-form');
  if (!form || !window.fetch) {
    return;
  }
  var sentence = document.getElementById('guided-sentence');
  var problems = document.getElementById('guided-problems');
  var save = document.getElementById('guided-save');
  var preview = document.getElementById('guided-preview');
  var pending = null;

  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    fetch(form.getAttribute('data-preview'), {method: 'POST', body: data, credentials: 'same-origin',
        headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer) {
          return;
        }
        sentence.textContent = answer.sentence;
        problems.textContent = '';
        answer.problems.forEach(function (p) {
          var li = document.createElement('li');
          li.textContent = p;
          problems.appendChild(li);
        });
        save.textContent = answer.save;
        form.setAttribute('data-previewed', String(Number(form.getAttribute('data-previewed') || '0') + 1));
      });
  }

  form.addEventListener('change', function (e) {
    // A new field or comparison changes which comparisons and values can be chosen: the page is drawn again.
    if (e.target.classList.contains('field-choice') || e.target.classList.contains('op-choice')) {
      preview.click();
      return;
    }
    refresh();
  });
  form.addEventListener('input', function (e) {
    if (e.target.tagName === 'SELECT') {
      return;
    }
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  });
})();
