// 截屏 overlay page: drag to select; double-click or Enter sends; Esc cancels. Talks only to window.kefuOverlay.
'use strict';
(function () {
  var api = window.kefuOverlay;
  var shot = document.getElementById('shot');
  var shade = document.getElementById('shade');
  var box = document.getElementById('selection');
  var start = null;
  var rect = null;
  api.onImage(function (dataUrl) { shot.src = dataUrl; });
  function draw() {
    box.hidden = !rect;
    shade.hidden = !!rect;
    if (!rect) return;
    box.style.left = Math.min(rect.x, rect.x + rect.width) + 'px';
    box.style.top = Math.min(rect.y, rect.y + rect.height) + 'px';
    box.style.width = Math.abs(rect.width) + 'px';
    box.style.height = Math.abs(rect.height) + 'px';
  }
  document.addEventListener('mousedown', function (e) {
    if (e.button !== 0 || e.detail > 1) return;
    start = { x: e.clientX, y: e.clientY };
    rect = { x: e.clientX, y: e.clientY, width: 0, height: 0 };
    draw();
  });
  document.addEventListener('mousemove', function (e) {
    if (!start) return;
    rect = { x: start.x, y: start.y, width: e.clientX - start.x, height: e.clientY - start.y };
    draw();
  });
  document.addEventListener('mouseup', function () { start = null; });
  function send() { if (rect && Math.abs(rect.width) > 1 && Math.abs(rect.height) > 1) api.done(rect); }
  document.addEventListener('dblclick', send);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') api.done(null);
    else if (e.key === 'Enter') send();
  });
})();
