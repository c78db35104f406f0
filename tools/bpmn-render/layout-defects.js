// Finds what makes a rendered BPMN diagram hard to read, from bpmn-js's element registry after import
// (so label positions and wrapped names are the ones bpmn-js draws). Loaded into the render page by
// render.mjs; defines window.layoutDefects(elementRegistry) → list of sentences naming element ids.
(function () {
  const TOLERANCE = 2;
  const ICON = 22; // task-type icons sit in the top-left 22 × 22 px of a task

  function name(element) {
    const bo = element.businessObject;
    return bo.name ? `${bo.id} "${bo.name.replace(/\s+/g, ' ')}"` : bo.id;
  }

  function box(e) {
    return { x: e.x, y: e.y, width: e.width, height: e.height };
  }

  function inside(point, b, margin) {
    return point.x > b.x + margin && point.x < b.x + b.width - margin
      && point.y > b.y + margin && point.y < b.y + b.height - margin;
  }

  function intersects(a, b, margin) {
    return a.x + margin < b.x + b.width && b.x + margin < a.x + a.width
      && a.y + margin < b.y + b.height && b.y + margin < a.y + a.height;
  }

  function segmentCrosses(a, b, rect) {
    for (let k = 1; k < 40; k++) {
      const p = { x: a.x + (b.x - a.x) * k / 40, y: a.y + (b.y - a.y) * k / 40 };
      if (inside(p, rect, TOLERANCE)) {
        return true;
      }
    }
    return false;
  }

  function isContainer(element) {
    const t = element.type;
    return t === 'bpmn:SubProcess' && element.collapsed !== true ? true
      : t === 'bpmn:Participant' || t === 'bpmn:Lane' || t === 'bpmn:Process' || t === 'bpmn:Collaboration';
  }

  /** The shape an end of a connection belongs to, with the host of a boundary event. */
  function ends(connection) {
    const list = [connection.source, connection.target];
    for (const e of [connection.source, connection.target]) {
      if (e && e.host) {
        list.push(e.host);
      }
      for (const attached of (e && e.attachers) || []) {
        list.push(attached);
      }
    }
    return list;
  }

  function textBox(registry, element) {
    const gfx = registry.getGraphics(element);
    const text = gfx && gfx.querySelector('.djs-visual text');
    if (!text) {
      return null;
    }
    const b = text.getBBox();
    if (!b.width) {
      return null;
    }
    // the element's graphics are moved to its position; the text's box is relative to it
    const spans = [...text.querySelectorAll('tspan')];
    return { x: element.x + b.x, y: element.y + b.y, width: b.width, height: b.height,
      lines: spans.map(t => t.textContent),
      // each line's own box, relative to the element: baseline y minus the font's ascent
      lineBoxes: spans.map(t => ({ x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')) - 11,
        width: t.getComputedTextLength(), height: 14 })) };
  }

  function brokenMidWord(lines, fullName) {
    const words = fullName.split(/\s+/);
    for (let i = 0; i + 1 < lines.length; i++) {
      const end = lines[i].trim().split(/\s+/).pop();
      const start = lines[i + 1].trim().split(/\s+/)[0];
      if (end && start && !words.includes(end) && words.some(w => w === end + start || w.startsWith(end + start))) {
        return `${end}|${start}`;
      }
    }
    return null;
  }

  window.layoutDefects = function (registry) {
    const defects = [];
    const all = registry.getAll();
    const connections = all.filter(e => e.waypoints && e.type === 'bpmn:SequenceFlow');
    const shapes = all.filter(e => !e.waypoints && e.type !== 'label' && e.businessObject && !isContainer(e) && e.parent);
    const labels = all.filter(e => e.type === 'label' && e.businessObject && e.businessObject.name);
    const containers = all.filter(e => e.type === 'bpmn:SubProcess' && e.collapsed !== true && !e.waypoints);
    const isAncestor = (sub, element) => {
      for (let p = element.parent; p; p = p.parent) {
        if (p === sub) {
          return true;
        }
      }
      return false;
    };

    const segments = [];
    for (const c of connections) {
      const w = c.waypoints;
      const skip = ends(c);
      const crossed = new Set();
      let diagonal = false;
      for (let i = 0; i + 1 < w.length; i++) {
        const a = w[i], b = w[i + 1];
        if (Math.abs(a.x - b.x) > TOLERANCE && Math.abs(a.y - b.y) > TOLERANCE) {
          diagonal = true;
        }
        segments.push({ id: c.id, a, b });
        for (const s of shapes) {
          if (!skip.includes(s) && segmentCrosses(a, b, box(s))) {
            crossed.add(s);
          }
        }
      }
      // expanded subprocesses (and event subprocesses) count as shapes for flows that are not inside them
      for (const sub of containers) {
        if (sub === c.parent || skip.includes(sub) || isAncestor(sub, c)) {
          continue;
        }
        if (w.some((a, i) => i + 1 < w.length && segmentCrosses(a, w[i + 1], box(sub)))) {
          crossed.add(sub);
        }
      }
      const back = c.source && c.target && c.target.x + c.target.width / 2 < c.source.x;
      if (diagonal) {
        defects.push(`${name(c)} (${c.source.id} → ${c.target.id}) is drawn diagonally${back ? ' (a loop back)' : ''}`);
      }
      for (const s of crossed) {
        defects.push(`${name(c)} (${c.source.id} → ${c.target.id}) runs through ${name(s)}`);
      }
    }

    // flows drawn on top of each other (same horizontal or vertical line)
    const reported = new Set();
    for (let i = 0; i < segments.length; i++) {
      for (let j = i + 1; j < segments.length; j++) {
        const s = segments[i], t = segments[j];
        if (s.id === t.id || reported.has(s.id + '|' + t.id)) {
          continue;
        }
        const horizontal = [s, t].every(u => Math.abs(u.a.y - u.b.y) <= TOLERANCE) && Math.abs(s.a.y - t.a.y) <= TOLERANCE;
        const vertical = [s, t].every(u => Math.abs(u.a.x - u.b.x) <= TOLERANCE) && Math.abs(s.a.x - t.a.x) <= TOLERANCE;
        const axis = horizontal ? 'x' : vertical ? 'y' : null;
        if (!axis) {
          continue;
        }
        const lo = Math.max(Math.min(s.a[axis], s.b[axis]), Math.min(t.a[axis], t.b[axis]));
        const hi = Math.min(Math.max(s.a[axis], s.b[axis]), Math.max(t.a[axis], t.b[axis]));
        if (hi - lo > 8) {
          reported.add(s.id + '|' + t.id);
          defects.push(`${s.id} and ${t.id} are drawn on the same line for ${Math.round(hi - lo)} px`);
        }
      }
    }

    // shapes across a lane's border
    for (const lane of all.filter(e => e.type === 'bpmn:Lane')) {
      const l = box(lane);
      for (const s of shapes) {
        const b = box(s);
        const inside = b.x >= l.x && b.y >= l.y && b.x + b.width <= l.x + l.width && b.y + b.height <= l.y + l.height;
        if (!inside && intersects(b, l, TOLERANCE)) {
          defects.push(`${name(s)} crosses the border of ${name(lane)}`);
        }
      }
    }

    // gateways: merging ones should carry no label, and no label should be an id
    for (const g of all.filter(e => e.type && e.type.endsWith('Gateway'))) {
      const bo = g.businessObject;
      if ((bo.incoming || []).length > 1 && bo.name) {
        defects.push(`merge gateway ${name(g)} is labelled`);
      }
    }
    for (const e of all.filter(e => e.businessObject && e.businessObject.name && e.businessObject.name === e.businessObject.id)) {
      if (e.type !== 'label') {
        defects.push(`${e.id} shows its id as its name`);
      }
    }

    // names inside tasks: clipped by the shape or covered by the task-type icon
    for (const s of shapes.filter(e => /Task$|CallActivity$|SubProcess$/.test(e.type) && e.businessObject.name)) {
      const t = textBox(registry, s);
      if (!t) {
        continue;
      }
      if (t.x < s.x - TOLERANCE || t.x + t.width > s.x + s.width + TOLERANCE
          || t.y < s.y - TOLERANCE || t.y + t.height > s.y + s.height + TOLERANCE) {
        defects.push(`the name of ${name(s)} does not fit its shape`);
      } else if (!/(^bpmn:Task|CallActivity|SubProcess)$/.test(s.type)
          && t.lineBoxes.some(l => l.x < ICON && l.y < ICON && l.width > 0)) {
        defects.push(`the name of ${name(s)} runs under its task icon`);
      }
      const broken = brokenMidWord(t.lines, s.businessObject.name);
      if (broken) {
        defects.push(`the name of ${name(s)} breaks mid-word (${broken})`);
      }
    }

    // external labels (events, gateways, flows): colliding with shapes, flows or each other, broken mid-word
    const labelBoxes = labels.map(l => ({ label: l, box: textBox(registry, l) || box(l) }));
    for (let i = 0; i < labelBoxes.length; i++) {
      const { label, box: b } = labelBoxes[i];
      const owner = label.labelTarget;
      for (const s of shapes) {
        if (s !== owner && !(owner && owner.host === s) && intersects(b, box(s), TOLERANCE)) {
          defects.push(`the label of ${name(owner)} overlaps ${name(s)}`);
        }
      }
      for (const sub of containers) {
        const c = box(sub);
        const within = b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width && b.y + b.height <= c.y + c.height;
        if (!within && intersects(b, c, TOLERANCE)) {
          defects.push(`the label of ${name(owner)} overlaps the border of ${name(sub)}`);
        }
        const title = sub.businessObject.name && textBox(registry, sub);
        if (title && sub !== owner && intersects(b, title, -3)) {
          defects.push(`the label of ${name(owner)} collides with the name of ${name(sub)}`);
        }
      }
      for (const lane of all.filter(e => e.type === 'bpmn:Lane' || e.type === 'bpmn:Participant')) {
        const l = box(lane);
        const inside = b.x >= l.x && b.y >= l.y && b.x + b.width <= l.x + l.width && b.y + b.height <= l.y + l.height;
        if (!inside && intersects(b, l, 0)) {
          defects.push(`the label of ${name(owner)} crosses the border of ${name(lane)}`);
        }
      }
      for (const seg of segments) {
        if (owner && seg.id === owner.id) {
          continue;
        }
        if (segmentCrosses(seg.a, seg.b, b)) {
          defects.push(`the label of ${name(owner)} is crossed by ${seg.id}`);
        }
      }
      for (let j = i + 1; j < labelBoxes.length; j++) {
        if (intersects(b, labelBoxes[j].box, 1)) {
          defects.push(`the labels of ${name(owner)} and ${name(labelBoxes[j].label.labelTarget)} collide`);
        }
      }
      const text = textBox(registry, label);
      const broken = text && brokenMidWord(text.lines, label.businessObject.name);
      if (broken) {
        defects.push(`the label of ${name(owner)} breaks mid-word (${broken})`);
      }
    }
    return [...new Set(defects)];
  };
})();
