/* Crossings host script: sizes every Crossings iframe on the page from the height messages it sends
   (Datawrapper-style {"datawrapper-height": {id: px}} or Pym.js "pymxPYMx<id>xPYMxheightxPYMx<px>").
   It answers each height message with {"crossings-host": "auto-height"}, so the embed
   takes the height its content needs instead of fitting the iframe's fixed height.
   Usage: <iframe src=".../?embed" data-crossings …></iframe><script src=".../embed.js" async></script> */
(function () {
  if (window.__crossingsEmbed) return;
  window.__crossingsEmbed = true;
  function frameFor(source) {
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }
  window.addEventListener('message', function (e) {
    var h = null;
    var d = e.data;
    if (d && typeof d === 'object' && d['datawrapper-height']) {
      for (var k in d['datawrapper-height']) h = d['datawrapper-height'][k];
    } else if (typeof d === 'string' && d.indexOf('pymxPYMx') === 0) {
      var p = d.split('xPYMx');
      if (p[2] === 'height') h = p[3];
    }
    h = Number(h);
    if (!(h > 0 && h < 20000)) return;
    var f = frameFor(e.source);
    if (!f || !f.hasAttribute('data-crossings')) return;
    f.style.height = Math.ceil(h) + 'px';
    // Tell the embed its height is ours to set: it stops fitting the iframe and takes what it needs.
    e.source.postMessage({ 'crossings-host': 'auto-height' }, '*');
  });
})();
