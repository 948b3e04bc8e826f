// The accessible mirror: real DOM elements over the canvas, one per widget the app drew (kind,
// name, value, states, rectangle: web_a11y.cpp), in reading order, so screen readers, the
// keyboard and switch access find buttons, checkboxes, fields, sliders, headings and text where
// they are drawn. The layer lets pointer events through to the canvas; only assistive technology
// and the keyboard (Tab) use it. What is done to an element goes back to the app as what a tap or
// typing would do (sw_on_assistive). Only what changed is touched: an idle page stays idle.
mergeInto(LibraryManager.library, {
  $SwA11y: {
    layer: null, nav: null, main: null, live: null,
    items: [],  // per line of the last update: { el, key, ... } (el null for a dialog's bounds)
    install: function () {
      var layer = document.createElement('div');
      layer.id = 'sw-a11y';
      var nav = document.createElement('nav');
      nav.setAttribute('aria-label', 'Screens');
      var main = document.createElement('main');
      var live = document.createElement('div');
      live.id = 'sw-live';
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      // The screens' tabs come first: one Tab from the top of the page reaches them.
      layer.append(nav, main, live);
      document.body.appendChild(layer);
      SwA11y.layer = layer; SwA11y.nav = nav; SwA11y.main = main; SwA11y.live = live;
      var indexOf = function (el) {
        for (var i = 0; i < SwA11y.items.length; i++) if (SwA11y.items[i].el === el) return i;
        return -1;
      };
      var send = function (kind, el, value) {
        var i = indexOf(el);
        if (i >= 0) ccall('sw_on_assistive', null, ['number', 'number', 'string'], [kind, i, value || '']);
      };
      var escape = function () { ccall('sw_on_assistive', null, ['number', 'number', 'string'], [3, -1, '']); };
      layer.addEventListener('click', function (e) {
        var el = e.target;
        if (el.tagName === 'INPUT' && el.type === 'checkbox') e.preventDefault();  // the app decides
        if (el.tagName === 'BUTTON' || (el.tagName === 'INPUT' && el.type === 'checkbox')) send(0, el);
      });
      layer.addEventListener('input', function (e) {
        if (e.target.tagName === 'INPUT' && e.target.type !== 'checkbox') send(1, e.target, e.target.value);
      });
      layer.addEventListener('focusin', function (e) { send(2, e.target); });
      layer.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') { escape(); e.preventDefault(); }
      });
    },
    // A new element for a line's kind.
    create: function (kind, numeric) {
      var el;
      if (kind === 'button' || kind === 'nav' || kind === 'combo' || kind === 'option') {
        el = document.createElement('button');
        el.type = 'button';
      } else if (kind === 'checkbox') {
        el = document.createElement('input');
        el.type = 'checkbox';
      } else if (kind === 'text') {
        el = document.createElement('input');
        el.type = 'text';
        el.autocomplete = 'off';
        if (numeric) el.inputMode = 'decimal';
      } else if (kind === 'slider') {
        el = document.createElement('input');
        el.type = 'range';
      } else if (kind === 'heading') {
        el = document.createElement('h2');
      } else {
        el = document.createElement('p');
      }
      return el;
    },
    set: function (el, name, value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); },
  },

  sw_a11y_update__deps: ['$SwA11y', 'sw_on_assistive'],
  sw_a11y_update: function (ptr) {
    var A = SwA11y;
    if (!A.layer) A.install();
    var hadFocus = A.layer.contains(document.activeElement);
    var text = UTF8ToString(ptr);
    var lines = text ? text.split('\n') : [];
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    // Elements are kept by kind, name and id (then occurrence): a widget that only moved or changed
    // its value keeps its element (and the screen reader's place, and the keyboard focus).
    var old = new Map();
    A.items.forEach(function (item) {
      if (!item.el) return;
      var list = old.get(item.key) || [];
      list.push(item);
      old.set(item.key, list);
    });
    var items = [];
    var navOrder = [], mainOrder = [];
    var inDialog = false, dialogSeen = false;
    for (var i = 0; i < lines.length; i++) {
      var f = lines[i].split('\t');
      var kind = f[0], name = f[1], value = f[2], flags = f[3];
      // A modal dialog's bounds: no element, but what lies outside them is inert while it is up.
      if (kind === 'dialog' || kind === 'dialog_end') {
        inDialog = kind === 'dialog';
        dialogSeen = true;
        items.push({ el: null, key: kind });
        continue;
      }
      // A widget's own id where it has one: rows of a scrolled list keep their elements (and the
      // focus) however the rows around them come and go.
      var key = kind + '\t' + name + '\t' + (f[10] || '0');
      var reuse = old.get(key);
      var item = reuse && reuse.length ? reuse.shift() : { el: A.create(kind, flags.indexOf('n') >= 0), key: key };
      var el = item.el;
      if (!item.name || item.name !== name) {
        if (el.tagName === 'INPUT') el.setAttribute('aria-label', name);
        else el.textContent = kind === 'info' && value && /[\s\d]/.test(value) ? name + ': ' + value : name;
        item.name = name;
      }
      if (kind === 'checkbox') {
        el.checked = value === 'true';
        A.set(el, 'aria-checked', value === 'true' ? 'true' : 'false');
      } else if (kind === 'text') {
        if (document.activeElement !== el && el.value !== value) el.value = value;
      } else if (kind === 'slider') {
        A.set(el, 'min', f[8]);
        A.set(el, 'max', f[9]);
        A.set(el, 'step', '1');
        if (document.activeElement !== el && el.value !== value) el.value = value;
      } else if (kind === 'nav') {
        if (value === 'current') A.set(el, 'aria-current', 'page'); else el.removeAttribute('aria-current');
      } else if (kind === 'button') {
        if (value === 'expanded') A.set(el, 'aria-expanded', 'true'); else el.removeAttribute('aria-expanded');
      }
      var disabled = flags.indexOf('d') >= 0;
      if (el.disabled !== undefined && el.disabled !== disabled) el.disabled = disabled;
      var style = 'left:' + f[4] + 'px;top:' + f[5] + 'px;width:' + f[6] + 'px;height:' + f[7] + 'px';
      if (item.style !== style) { el.style.cssText = style; item.style = style; }
      item.inDialog = inDialog;
      items.push(item);
      (kind === 'nav' ? navOrder : mainOrder).push(el);
    }
    // Gone from the frame: gone from the layer.
    old.forEach(function (list) { list.forEach(function (item) { item.el.remove(); }); });
    // Reading order: elements move only where the order changed.
    [[A.nav, navOrder], [A.main, mainOrder]].forEach(function (pair) {
      var parent = pair[0], order = pair[1];
      for (var j = 0; j < order.length; j++)
        if (parent.children[j] !== order[j]) parent.insertBefore(order[j], parent.children[j] || null);
    });
    items.forEach(function (item) {
      if (!item.el) return;
      var inert = dialogSeen && !item.inDialog;
      if (item.el.inert !== inert) item.el.inert = inert;
    });
    // A dialog that opened under the keyboard's or screen reader's focus takes it: its first control.
    var active = document.activeElement;
    if (dialogSeen && hadFocus && (!A.layer.contains(active) || active.inert)) {
      for (var k = 0; k < items.length; k++) {
        var c = items[k];
        if (c.el && c.inDialog && (c.el.tagName === 'BUTTON' || c.el.tagName === 'INPUT')) { c.el.focus(); break; }
      }
    }
    A.items = items;
  },

  sw_a11y_announce__deps: ['$SwA11y'],
  sw_a11y_announce: function (ptr) {
    if (!SwA11y.layer) SwA11y.install();
    var live = SwA11y.live;
    // The same words twice in a row are a new announcement: empty the region first.
    live.textContent = '';
    live.textContent = UTF8ToString(ptr);
  },
});
