// Regenerates the whole diagram (BPMNDI) of BPMN models from their semantic model:
//
//   node layout.mjs <model.bpmn>...      (run by scripts/layout-processes.sh over processes/*.bpmn)
//
// - reads the model with bpmn-moddle (+ the Camunda extensions, to see candidate groups and assignees);
// - lays out every process left to right with elkjs (layered, orthogonal routing): shapes, right-angle
//   waypoints and label bounds; expanded subprocesses inside their box, event subprocesses below the flow,
//   boundary events on the bottom edge of their host with their flows leaving downward, loops routed
//   around the rows;
// - adds lanes (a participant with a lane set) where two or more actors act, inferring each element's
//   lane (see LANE RULE below and processes/README.md, section "Layout");
// - drops the name of merge gateways (one outgoing, several incoming flows): such a gateway draws no label.
//
// Only the diagram, the generated collaboration, the lane set and merge-gateway names change: the rest of the
// file (every other semantic element and attribute, its order and formatting) is kept byte for byte, so
// semantic edits made by others merge cleanly and a re-run is a no-op (deterministic and idempotent).
// The written file is read back with bpmn-moddle and checked: every flow node and flow has DI, every
// waypoint pair is axis-parallel.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import ELK from 'elkjs/lib/elk.bundled.js';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

// ---------------------------------------------------------------------------------------------------------
// sizes
const TASK_H = 80;
const EVENT = 36;
const GATEWAY = 50;
const POOL_HEADER = 30;
const LANE_HEADER = 30;
const LANE_PAD = 30; // free room at the top and bottom of a lane
const SUB_PAD_TOP = 56; // room for an expanded subprocess's name
const SUB_PAD = 20;
const BOUNDARY_GAP = 54; // distance between boundary events on one host (centres)

// ---------------------------------------------------------------------------------------------------------
// LANE RULE: the actors, in the order their lanes are drawn (top to bottom)
const ACTORS = [
  { key: 'coordinators', name: 'Coordinators (programme office)', match: v => /coordinator/i.test(v) },
  { key: 'city', name: 'City', match: v => /city|authority/i.test(v) },
  { key: 'company', name: 'Company', match: v => /company|supplier|applicant/i.test(v) },
  { key: 'jury', name: 'Jury', match: v => /jury/i.test(v) },
];
const DEFAULT_ACTOR = 'coordinators';
const SYSTEM_ACTOR = 'coordinators'; // automated steps (service, send, script, rule, receive tasks; call activities) // elements with no user task before them (system steps at the start)

// ---------------------------------------------------------------------------------------------------------
// text measurement (Arial / Liberation Sans advance widths in 1/1000 em, as bpmn-js draws names)
const WIDTHS = {
  ' ': 278, '!': 278, '"': 355, '\'': 191, '(': 333, ')': 333, ',': 278, '-': 333, '.': 278, '/': 278, ':': 278,
  '?': 556, '_': 556, '&': 667, '%': 889, '+': 584, '>': 584, '<': 584, '=': 584,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};
function textWidth(text, size) {
  let w = 0;
  for (const ch of text) {
    w += WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 556 : 600);
  }
  return w * size / 1000 * 1.06; // a little room for hinting differences
}
/** Greedy word wrap as bpmn-js does; a word longer than the line is a line of its own. */
function wrap(text, maxWidth, size) {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? line + ' ' + word : word;
    if (!line || textWidth(candidate, size) <= maxWidth) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines;
}
function longestWord(text, size) {
  return Math.max(0, ...text.split(/\s+/).map(w => textWidth(w, size)));
}

/** Width of a task so that its name fits in its box, clear of the task-type icon in the top-left corner. */
function taskWidth(el) {
  const name = el.name || '';
  const typed = !/^bpmn:(Task|CallActivity|SubProcess)$/.test(el.$type);
  for (const w of [100, 120, 140, 160, 180, 200]) {
    if (longestWord(name, 12) > w - 12) {
      continue;
    }
    const lines = wrap(name, w - 12, 12);
    const lineHeight = 14.4;
    const top = (TASK_H - lines.length * lineHeight) / 2;
    if (lines.length > 4) {
      continue;
    }
    // the first line's box must stay right of or below the icon (22 × 22 px)
    const firstWidth = textWidth(lines[0], 12);
    const iconClear = !typed || top + lineHeight - 11 - 2 >= 22 + 2 || (w - firstWidth) / 2 >= 24;
    if (iconClear) {
      return w;
    }
  }
  return 200;
}

/** External label (events, gateways, flows): lines of at most `max` px, font 11 px. */
function labelBox(name, max = 90) {
  const w = Math.max(longestWord(name, 11), Math.min(max, textWidth(name, 11)));
  const lines = wrap(name, w, 11);
  const used = Math.max(...lines.map(l => textWidth(l, 11)));
  return { width: Math.ceil(used) + 4, height: lines.length * 14, lines };
}

// ---------------------------------------------------------------------------------------------------------
const is = (el, type) => el && el.$instanceOf && el.$instanceOf(type);
const isGateway = el => is(el, 'bpmn:Gateway');
const isEvent = el => is(el, 'bpmn:Event');
const isExpandedSub = el => is(el, 'bpmn:SubProcess') && !el.triggeredByEvent;
const isEventSub = el => is(el, 'bpmn:SubProcess') && el.triggeredByEvent;

function isMergeGateway(el) {
  return isGateway(el) && (el.incoming || []).length > 1 && (el.outgoing || []).length <= 1;
}

function sizeOf(el) {
  if (isEvent(el)) {
    return { width: EVENT, height: EVENT };
  }
  if (isGateway(el)) {
    return { width: GATEWAY, height: GATEWAY };
  }
  return { width: taskWidth(el), height: TASK_H };
}

// ---------------------------------------------------------------------------------------------------------
// lanes

function actorOfExpression(value) {
  if (!value) {
    return null;
  }
  const actor = ACTORS.find(a => a.match(value));
  return actor ? actor.key : null;
}

function ownActor(el) {
  if (is(el, 'bpmn:ServiceTask') || is(el, 'bpmn:SendTask') || is(el, 'bpmn:ScriptTask') || is(el, 'bpmn:BusinessRuleTask')
      || is(el, 'bpmn:ReceiveTask') || is(el, 'bpmn:CallActivity') || (is(el, 'bpmn:Task') && el.$type === 'bpmn:Task')) {
    return SYSTEM_ACTOR;
  }
  if (is(el, 'bpmn:UserTask') || is(el, 'bpmn:ManualTask')) {
    return actorOfExpression(el.candidateGroups) || actorOfExpression(el.assignee)
      || actorOfExpression(el.candidateUsers) || DEFAULT_ACTOR;
  }
  if (is(el, 'bpmn:SubProcess')) {
    // the actor of most of its user tasks, the first in document order on a tie
    const counts = new Map();
    const visit = container => {
      for (const child of container.flowElements || []) {
        const a = (is(child, 'bpmn:UserTask') || is(child, 'bpmn:ManualTask')) ? ownActor(child) : null;
        if (a) {
          counts.set(a, (counts.get(a) || 0) + 1);
        }
        if (is(child, 'bpmn:SubProcess')) {
          visit(child);
        }
      }
    };
    visit(el);
    let best = null;
    for (const [a, n] of counts) {
      if (!best || n > counts.get(best)) {
        best = a;
      }
    }
    return best;
  }
  return null;
}

/**
 * Gives nodes without a lane the lane a rule finds (undefined: none yet), pass after pass, in the nodes' order and
 * seeing what this pass already gave, until a pass gives none.
 */
function propagate(nodes, lane, rule) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const n of nodes) {
      const found = lane.has(n.id) ? undefined : rule(n);
      if (found) {
        lane.set(n.id, found);
        changed = true;
      }
    }
  }
}

/**
 * Lane of every flow node of a process (top level only: the content of a subprocess stays in its box).
 * User tasks (and subprocesses with user tasks): from candidate groups / assignee. Automated steps (service,
 * send, script, business-rule and receive tasks, call activities): the coordinators' (programme office) lane.
 * Boundary events: their host's lane. Merging gateways: the lane of the step they lead to.
 * Any other element: the lane of the element it follows (its first forward incoming flow);
 * an element with none (start events, event subprocesses): the lane of the first element it leads to
 * that has a lane; failing that the coordinators' lane.
 */
function inferLanes(process, backEdges) {
  const nodes = (process.flowElements || []).filter(e => is(e, 'bpmn:FlowNode'));
  const lane = new Map();
  for (const n of nodes) {
    const a = ownActor(n);
    if (a) {
      lane.set(n.id, a);
    }
  }
  const forwardIn = n => (n.incoming || []).filter(f => !backEdges.has(f.id));
  const laneOf = e => e && lane.get(e.id);
  const hasLane = e => e && lane.has(e.id);
  // a merging gateway belongs to the step it leads to (it gathers the ways into that step)
  propagate(nodes, lane, n => isMergeGateway(n) ? laneOf((n.outgoing || []).map(f => f.targetRef).find(hasLane)) : undefined);
  // a boundary event is in its activity's lane; anything else follows what leads to it
  propagate(nodes, lane, n => is(n, 'bpmn:BoundaryEvent') && hasLane(n.attachedToRef) ? laneOf(n.attachedToRef)
    : laneOf(forwardIn(n).map(f => f.sourceRef).find(hasLane)));
  // backwards for what starts the flow
  propagate(nodes, lane, n => laneOf((n.outgoing || []).map(f => f.targetRef).find(hasLane)));
  for (const n of nodes) {
    if (!lane.has(n.id)) {
      lane.set(n.id, is(n, 'bpmn:BoundaryEvent') && n.attachedToRef ? lane.get(n.attachedToRef.id) || DEFAULT_ACTOR
        : DEFAULT_ACTOR);
    }
  }
  return lane;
}

// ---------------------------------------------------------------------------------------------------------
// back edges: a depth-first walk from the start events in document order; an edge to a node on the stack
// closes a loop

function findBackEdges(container) {
  const back = new Set();
  const nodes = (container.flowElements || []).filter(e => is(e, 'bpmn:FlowNode'));
  const state = new Map();
  const outgoingOf = n => {
    const list = [...(n.outgoing || [])];
    // a host leaves through its boundary events too
    for (const b of nodes.filter(x => is(x, 'bpmn:BoundaryEvent') && x.attachedToRef === n)) {
      list.push(...(b.outgoing || []));
    }
    return list;
  };
  const visit = n => {
    state.set(n.id, 1);
    for (const f of outgoingOf(n)) {
      const t = f.targetRef;
      if (!t) {
        continue;
      }
      if (state.get(t.id) === 1) {
        back.add(f.id);
      } else if (!state.has(t.id)) {
        visit(t);
      }
    }
    state.set(n.id, 2);
  };
  const starts = nodes.filter(n => !is(n, 'bpmn:BoundaryEvent') && (n.incoming || []).length === 0);
  for (const s of starts) {
    if (!state.has(s.id)) {
      visit(s);
    }
  }
  for (const n of nodes) {
    if (!state.has(n.id) && !is(n, 'bpmn:BoundaryEvent')) {
      visit(n);
    }
  }
  for (const sub of nodes.filter(n => is(n, 'bpmn:SubProcess'))) {
    for (const b of findBackEdges(sub)) {
      back.add(b);
    }
  }
  return back;
}

// ---------------------------------------------------------------------------------------------------------
// the ELK graph

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.layered.spacing.edgeNodeBetweenLayers': '25',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '18',
  'elk.spacing.nodeNode': '50',
  'elk.spacing.edgeNode': '30',
  'elk.spacing.edgeEdge': '18',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.thoroughness': '40',
  'elk.randomSeed': '1',
  'elk.separateConnectedComponents': 'false',
  'elk.layered.unnecessaryBendpoints': 'false',
  'elk.layered.mergeEdges': 'false',
  'elk.portConstraints': 'FREE',
};

/**
 * ELK node for a flow node; hosts of boundary events get ports on their bottom edge (one per boundary
 * event, fixed positions) and their own flows go through west/east ports.
 */
function elkNode(el, ctx) {
  const size = sizeOf(el);
  const boundaries = ctx.boundaries.get(el.id) || [];
  if (boundaries.length) {
    size.width = Math.max(size.width, boundaries.length * BOUNDARY_GAP + 40);
  }
  const node = { id: el.id, width: size.width, height: size.height, layoutOptions: {} };
  if (ctx.presets && ctx.presets.has(el.id)) {
    const p = ctx.presets.get(el.id);
    node.x = p.x;
    node.y = p.y;
  }
  if (boundaries.length) {
    node.layoutOptions['elk.portConstraints'] = 'FIXED_POS';
    node.ports = [];
    const incoming = (el.incoming || []);
    const outgoing = (el.outgoing || []);
    incoming.forEach((f, i) => node.ports.push({ id: `${el.id}::in::${f.id}`, x: -1, y: portOffset(i, incoming.length, size.height), width: 1, height: 1,
      layoutOptions: { 'elk.port.side': 'WEST' } }));
    outgoing.forEach((f, i) => node.ports.push({ id: `${el.id}::out::${f.id}`, x: size.width, y: portOffset(i, outgoing.length, size.height), width: 1, height: 1,
      layoutOptions: { 'elk.port.side': 'EAST' } }));
    const first = size.width / 2 - (boundaries.length - 1) * BOUNDARY_GAP / 2;
    boundaries.forEach((b, i) => {
      node.ports.push({ id: `${el.id}::boundary::${b.id}`, x: first + i * BOUNDARY_GAP - EVENT / 2, y: size.height - EVENT / 2,
        width: EVENT, height: EVENT, layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.borderOffset': String(-EVENT / 2) } });
    });
    ctx.ported.add(el.id);
  } else if (isGateway(el) && ((el.incoming || []).length > 1 || (el.outgoing || []).length > 1)) {
    // gateways: the main flow through the left and right corners, the others through the bottom and top corners
    node.layoutOptions['elk.portConstraints'] = 'FIXED_POS';
    node.ports = [];
    const h = GATEWAY / 2;
    const at = { WEST: [0, h], EAST: [GATEWAY, h], SOUTH: [h, GATEWAY], NORTH: [h, 0] };
    const used = new Set();
    const add = (kind, f, side) => {
      const [x, y] = at[side];
      node.ports.push({ id: `${el.id}::${kind}::${f.id}`, x, y, width: 0, height: 0, layoutOptions: { 'elk.port.side': side } });
    };
    const outgoing = [...(el.outgoing || [])];
    const main = mainFlow(outgoing, ctx);
    // loops take the corner that is left over
    const rest = outgoing.filter(f => f !== main && !ctx.back.has(f.id)).concat(outgoing.filter(f => f !== main && ctx.back.has(f.id)));
    const incoming = [...(el.incoming || [])];
    const forwardIn = incoming.filter(f => !ctx.back.has(f.id));
    const mainIn = forwardIn[0] || incoming[0];
    const pick = preferred => {
      for (const side of preferred) {
        if (!used.has(side)) {
          used.add(side);
          return side;
        }
      }
      return preferred[preferred.length - 1];
    };
    if (main) {
      add('out', main, pick(['EAST']));
    }
    if (mainIn) {
      add('in', mainIn, pick(['WEST']));
    }
    for (const f of rest) {
      add('out', f, pick(ctx.north.has(f.id) ? ['NORTH', 'SOUTH', 'EAST'] : ['SOUTH', 'NORTH', 'EAST']));
    }
    let westOffset = 0;
    for (const f of incoming.filter(f => f !== mainIn)) {
      if (ctx.back.has(f.id)) {
        // a loop comes back into the left side, beside the main way in
        westOffset += 1;
        const dy = (westOffset % 2 ? 1 : -1) * 10 * Math.ceil(westOffset / 2);
        node.ports.push({ id: `${el.id}::in::${f.id}`, x: 0, y: h + dy, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } });
        continue;
      }
      add('in', f, pick(ctx.back.has(f.id) ? ['SOUTH', 'NORTH', 'WEST'] : ['NORTH', 'SOUTH', 'WEST']));
    }
    ctx.ported.add(el.id);
  }
  if (is(el, 'bpmn:SubProcess')) {
    delete node.width;
    delete node.height;
    Object.assign(node.layoutOptions, LAYOUT_OPTIONS, ctx.extraOptions || {});
    node.layoutOptions['elk.padding'] = `[top=${SUB_PAD_TOP},left=${SUB_PAD},bottom=${SUB_PAD},right=${SUB_PAD}]`;
    node.layoutOptions['elk.nodeSize.constraints'] = 'MINIMUM_SIZE';
    node.layoutOptions['elk.nodeSize.minimum'] = `(${Math.max(size.width, textWidth(el.name || '', 12) + 40)},${TASK_H})`;
    const inner = buildGraph(el, ctx);
    node.children = inner.children;
    node.edges = inner.edges;
  }
  return node;
}

/** The flow a split continues with on its right: the one with the longest way to an end, not a loop. */
function mainFlow(outgoing, ctx) {
  const forward = outgoing.filter(f => !ctx.back.has(f.id));
  let best = null;
  let bestLength = -1;
  for (const f of forward) {
    const length = f.targetRef ? longestToEnd(f.targetRef, ctx) : 0;
    if (length > bestLength) {
      best = f;
      bestLength = length;
    }
  }
  return best;
}

function longestToEnd(node, ctx, seen = new Set()) {
  if (ctx.depth.has(node.id)) {
    return ctx.depth.get(node.id);
  }
  if (seen.has(node.id)) {
    return 0;
  }
  seen.add(node.id);
  let best = 0;
  const out = [...(node.outgoing || [])];
  for (const b of ctx.boundaries.get(node.id) || []) {
    out.push(...(b.outgoing || []));
  }
  for (const f of out) {
    if (!ctx.back.has(f.id) && f.targetRef) {
      best = Math.max(best, 1 + longestToEnd(f.targetRef, ctx, seen));
    }
  }
  ctx.depth.set(node.id, best);
  return best;
}

function portOffset(i, n, h) {
  return n === 1 ? h / 2 : h / 2 + (i - (n - 1) / 2) * Math.min(16, (h - 20) / n);
}

function buildGraph(container, ctx) {
  const elements = container.flowElements || [];
  const children = [];
  const edges = [];
  for (const el of elements) {
    // event subprocesses of the process are placed below the flow afterwards; nested ones ELK places
    if (!is(el, 'bpmn:FlowNode') || is(el, 'bpmn:BoundaryEvent') || (isEventSub(el) && is(container, 'bpmn:Process'))) {
      continue;
    }
    children.push(elkNode(el, ctx));
  }
  for (const f of elements.filter(e => is(e, 'bpmn:SequenceFlow'))) {
    const s = f.sourceRef;
    const t = f.targetRef;
    if (!s || !t) {
      continue;
    }
    let source = s.id;
    let target = t.id;
    if (is(s, 'bpmn:BoundaryEvent')) {
      source = `${s.attachedToRef.id}::boundary::${s.id}`;
    } else if (ctx.ported.has(s.id)) {
      source = `${s.id}::out::${f.id}`;
    }
    if (ctx.ported.has(t.id)) {
      target = `${t.id}::in::${f.id}`;
    }
    if (is(t, 'bpmn:BoundaryEvent')) {
      continue; // not valid BPMN
    }
    edges.push({ id: f.id, sources: [source], targets: [target] });
  }
  return { children, edges };
}

// ---------------------------------------------------------------------------------------------------------
// reading ELK's result into absolute coordinates

function collect(graph, ox, oy, out) {
  for (const n of graph.children || []) {
    const x = ox + n.x;
    const y = oy + n.y;
    out.shapes.set(n.id, { x, y, width: n.width, height: n.height });
    for (const p of n.ports || []) {
      out.ports.set(p.id, { x: x + p.x, y: y + p.y, width: p.width, height: p.height });
    }
    if (n.children) {
      collect(n, x, y, out);
    }
  }
  for (const e of graph.edges || []) {
    // with INCLUDE_CHILDREN, coordinates of an edge are relative to its container
    const points = [];
    for (const s of e.sections || []) {
      points.push(s.startPoint, ...(s.bendPoints || []), s.endPoint);
    }
    out.edges.set(e.id, points.map(p => ({ x: ox + p.x, y: oy + p.y })));
  }
}

// ---------------------------------------------------------------------------------------------------------

const elk = new ELK();

async function layoutContainer(container, ctx) {
  const graph = { id: '__root', layoutOptions: { ...LAYOUT_OPTIONS, ...(ctx.extraOptions || {}) }, ...buildGraph(container, ctx) };
  const result = await elk.layout(graph);
  const out = { shapes: new Map(), ports: new Map(), edges: new Map() };
  collect(result, 0, 0, out);
  return out;
}


function collectBoundaries(container, map) {
  for (const el of container.flowElements || []) {
    if (is(el, 'bpmn:BoundaryEvent') && el.attachedToRef) {
      const list = map.get(el.attachedToRef.id) || [];
      list.push(el);
      map.set(el.attachedToRef.id, list);
    }
    if (is(el, 'bpmn:SubProcess')) {
      collectBoundaries(el, map);
    }
  }
  return map;
}

function allFlowElements(container, out = []) {
  for (const el of container.flowElements || []) {
    out.push(el);
    if (is(el, 'bpmn:SubProcess')) {
      allFlowElements(el, out);
    }
  }
  return out;
}

function allArtifacts(container, out = []) {
  out.push(...(container.artifacts || []));
  for (const el of container.flowElements || []) {
    if (is(el, 'bpmn:SubProcess')) {
      allArtifacts(el, out);
    }
  }
  return out;
}

function usedActors(process) {
  const actors = new Set();
  for (const el of allFlowElements(process)) {
    if (is(el, 'bpmn:UserTask') || is(el, 'bpmn:ManualTask')) {
      actors.add(ownActor(el));
    }
  }
  return actors;
}

const INTERACTIVE = {
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  'elk.layered.nodePlacement.strategy': 'INTERACTIVE',
  'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70', // room for the names of flows between lanes
};

/** Rows per lane: each node keeps the row of the element it follows in its lane when that place is free. */
function lanePresets(process, first, laneOf, laneKeys, back, ctx) {
  const top = (process.flowElements || []).filter(e => is(e, 'bpmn:FlowNode') && !is(e, 'bpmn:BoundaryEvent') && !isEventSub(e));
  const order = [...top].sort((a, b) => first.shapes.get(a.id).x - first.shapes.get(b.id).x
    || first.shapes.get(a.id).y - first.shapes.get(b.id).y);
  const row = new Map();
  const occupied = new Map(); // lane -> [{row, x0, x1}]
  for (const n of order) {
    const s = first.shapes.get(n.id);
    const lane = laneOf.get(n.id);
    const list = occupied.get(lane) || [];
    occupied.set(lane, list);
    let preferred = 0;
    const forward = (n.incoming || []).filter(f => !back.has(f.id)).map(f => f.sourceRef).filter(Boolean);
    for (const p of forward) {
      const owner = is(p, 'bpmn:BoundaryEvent') ? p.attachedToRef : p;
      if (owner && row.has(owner.id) && laneOf.get(owner.id) === lane) {
        const flow = (n.incoming || []).find(f => f.sourceRef === p);
        const side = isGateway(p) && (p.outgoing || []).length > 1 && flow !== mainFlow(p.outgoing, ctx);
        preferred = row.get(owner.id) + (owner !== p || side ? 1 : 0);
        break;
      }
    }
    const free = r => !list.some(o => o.row === r && o.x0 < s.x + s.width + 40 && s.x - 40 < o.x1);
    let r = preferred;
    if (!free(r)) {
      r = 0;
      while (!free(r)) {
        r++;
      }
    }
    row.set(n.id, r);
    list.push({ row: r, x0: s.x, x1: s.x + s.width });
  }
  // row heights and lane bands
  const presets = new Map();
  const bands = new Map();
  let y = 0;
  for (const lane of laneKeys) {
    const members = top.filter(n => laneOf.get(n.id) === lane);
    const rows = Math.max(0, ...members.map(n => row.get(n.id))) + 1;
    const heights = [];
    for (let r = 0; r < rows; r++) {
      const h = Math.max(TASK_H, ...members.filter(n => row.get(n.id) === r).map(n => first.shapes.get(n.id).height));
      const hasBoundary = members.some(n => row.get(n.id) === r && (first.ports && [...first.ports.keys()].some(k => k.startsWith(n.id + '::boundary::'))));
      heights.push(h + (hasBoundary ? 90 : 60));
    }
    const bandTop = y;
    let rowTop = y + LANE_PAD;
    const rowTops = [];
    for (const h of heights) {
      rowTops.push(rowTop);
      rowTop += h;
    }
    for (const n of members) {
      const s = first.shapes.get(n.id);
      const r = row.get(n.id);
      const cy = rowTops[r] + 50;
      presets.set(n.id, { x: s.x, y: Math.round(cy - (is(n, 'bpmn:SubProcess') ? 50 : s.height / 2)) });
    }
    y = rowTop + LANE_PAD;
    bands.set(lane, { top: bandTop, bottom: y });
  }
  return { presets, bands };
}

function childPresets(process, first, presets) {
  for (const el of allFlowElements(process)) {
    if (!presets.has(el.id) && first.shapes.has(el.id)) {
      // children of subprocesses: their position relative to the parent box, as in the first pass
      const parent = el.$parent;
      if (parent && first.shapes.has(parent.id)) {
        const s = first.shapes.get(el.id);
        const p = first.shapes.get(parent.id);
        presets.set(el.id, { x: s.x - p.x, y: s.y - p.y });
      }
    }
  }
}

function bboxOf(rects) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function translate(out, dx, dy) {
  const moved = { shapes: new Map(), ports: new Map(), edges: new Map() };
  for (const [k, r] of out.shapes) {
    moved.shapes.set(k, { ...r, x: r.x + dx, y: r.y + dy });
  }
  for (const [k, r] of out.ports) {
    moved.ports.set(k, { ...r, x: r.x + dx, y: r.y + dy });
  }
  for (const [k, pts] of out.edges) {
    moved.edges.set(k, pts.map(p => ({ x: p.x + dx, y: p.y + dy })));
  }
  return moved;
}

function merge(into, from) {
  for (const key of ['shapes', 'ports', 'edges']) {
    for (const [k, v] of from[key]) {
      into[key].set(k, v);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// geometry after ELK

function clipToOutline(point, toward, el, box) {
  // moves `point` (on the bounding box of a round or diamond shape) along the segment to the outline
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const horizontal = Math.abs(point.y - toward.y) < 0.5;
  const vertical = Math.abs(point.x - toward.x) < 0.5;
  const half = box.width / 2;
  if (horizontal) {
    const dy = Math.abs(point.y - cy);
    if (dy >= half) {
      return point;
    }
    const dx = isGateway(el) ? half - dy : Math.sqrt(half * half - dy * dy);
    return { x: point.x < cx ? cx - dx : cx + dx, y: point.y };
  }
  if (vertical) {
    const dx = Math.abs(point.x - cx);
    if (dx >= half) {
      return point;
    }
    const dy = isGateway(el) ? half - dx : Math.sqrt(half * half - dx * dx);
    return { x: point.x, y: point.y < cy ? cy - dy : cy + dy };
  }
  return point;
}

function simplify(points) {
  const rounded = points.map(p => ({ x: Math.round(p.x), y: Math.round(p.y) }));
  const out = [];
  for (const p of rounded) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) {
      continue;
    }
    out.push(p);
  }
  // drop points in the middle of a straight line
  for (let i = out.length - 2; i >= 1; i--) {
    const a = out[i - 1], b = out[i], c = out[i + 1];
    if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) {
      out.splice(i, 1);
    }
  }
  return out;
}

/** Removes a small step (< 12 px) just before a task or just after it: the flow meets the task's side a little higher or lower. */
function straighten(points, source, target, shapes) {
  const pts = points.map(p => ({ ...p }));
  const isBox = el => el && !isGateway(el) && !isEvent(el);
  const n = pts.length;
  if (n >= 4 && isBox(target)) {
    const [a, b, c, d] = pts.slice(n - 4);
    const box = shapes.get(target.id);
    if (a.y === b.y && b.x === c.x && c.y === d.y && Math.abs(c.y - b.y) < 12 && box
        && b.y > box.y + 10 && b.y < box.y + box.height - 10) {
      pts.splice(n - 3, 3, { x: d.x, y: b.y });
    }
  }
  const m = pts.length;
  if (m >= 4 && isBox(source) && !is(source, 'bpmn:BoundaryEvent')) {
    const [a, b, c, d] = pts.slice(0, 4);
    const box = shapes.get(source.id);
    if (a.y === b.y && b.x === c.x && c.y === d.y && Math.abs(c.y - b.y) < 12 && box
        && c.y > box.y + 10 && c.y < box.y + box.height - 10) {
      pts.splice(0, 3, { x: a.x, y: c.y });
    }
  }
  return simplify(pts);
}

// ---------------------------------------------------------------------------------------------------------
// labels: the first candidate position that touches no shape, flow or other label

function rectsIntersect(a, b, margin) {
  return a.x + margin < b.x + b.width && b.x + margin < a.x + a.width
    && a.y + margin < b.y + b.height && b.y + margin < a.y + a.height;
}

function segmentHitsRect(a, b, r, margin) {
  const x0 = Math.min(a.x, b.x), x1 = Math.max(a.x, b.x), y0 = Math.min(a.y, b.y), y1 = Math.max(a.y, b.y);
  return x1 > r.x - margin && x0 < r.x + r.width + margin && y1 > r.y - margin && y0 < r.y + r.height + margin;
}

class Obstacles {
  constructor() {
    this.rects = [];
    this.segments = [];
  }
  addRect(owner, r) {
    this.rects.push({ owner, r });
  }
  addSegments(owner, points) {
    for (let i = 0; i + 1 < points.length; i++) {
      this.segments.push({ owner, a: points[i], b: points[i + 1] });
    }
  }
  conflicts(r, ignore) {
    return this.rects.filter(o => !ignore.has(o.owner) && rectsIntersect(r, o.r, -3)).length
      + this.segments.filter(s => !ignore.has(s.owner) && segmentHitsRect(s.a, s.b, r, 3)).length;
  }
  best(candidates, size, ignore) {
    const free = candidates.find(c => this.free({ ...c, ...size }, ignore));
    if (free) {
      return free;
    }
    let best = candidates[0];
    let fewest = Infinity;
    for (const c of candidates) {
      const n = this.conflicts({ ...c, ...size }, ignore);
      if (n < fewest) {
        best = c;
        fewest = n;
      }
    }
    return best;
  }
  free(r, ignore) {
    return !this.rects.some(o => !ignore.has(o.owner) && rectsIntersect(r, o.r, -3))
      && !this.segments.some(s => !ignore.has(s.owner) && segmentHitsRect(s.a, s.b, r, 3));
  }
}

function labelCandidates(el, shape, size, layout) {
  const { width: w, height: h } = size;
  const cx = shape.x + shape.width / 2;
  const top = shape.y;
  const bottom = shape.y + shape.height;
  const list = [];
  if (is(el, 'bpmn:BoundaryEvent')) {
    const host = layout.shapes.get(el.attachedToRef.id);
    const hostBottom = host.y + host.height;
    const siblings = layout.boundaries.get(el.attachedToRef.id) || [];
    if (siblings.length > 1 && siblings[0] === el) {
      list.push({ x: shape.x - w - 3, y: hostBottom + 4 });
    }
    list.push({ x: shape.x + shape.width + 3, y: hostBottom + 4 });
    list.push({ x: shape.x - w - 3, y: hostBottom + 4 });
    list.push({ x: shape.x + shape.width + 3, y: bottom + 2 });
    list.push({ x: shape.x - w - 3, y: bottom + 2 });
    for (const dy of [20, 40, 60]) {
      list.push({ x: shape.x + shape.width + 3, y: bottom + dy });
      list.push({ x: shape.x - w - 3, y: bottom + dy });
    }
    list.push({ x: shape.x + shape.width / 2 + 4, y: bottom + 4 });
    list.push({ x: shape.x + shape.width / 2 - w - 4, y: bottom + 4 });
  } else if (isGateway(el)) {
    list.push({ x: cx - w / 2, y: top - h - 5 });
    list.push({ x: shape.x - w + 10, y: top - h - 3 });
    list.push({ x: shape.x + shape.width - 10, y: top - h - 3 });
    list.push({ x: cx - w / 2, y: bottom + 5 });
    list.push({ x: shape.x - w + 10, y: bottom + 3 });
    list.push({ x: shape.x + shape.width - 10, y: bottom + 3 });
  } else {
    list.push({ x: cx - w / 2, y: bottom + 5 });
    list.push({ x: cx - w / 2, y: top - h - 5 });
    list.push({ x: shape.x + shape.width - 4, y: bottom + 2 });
    list.push({ x: shape.x - w + 4, y: bottom + 2 });
    list.push({ x: shape.x + shape.width - 4, y: top - h - 2 });
    list.push({ x: shape.x - w + 4, y: top - h - 2 });
  }
  return list;
}

function flowLabelCandidates(points, size) {
  const { width: w, height: h } = size;
  const list = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (a.y === b.y) {
      const dir = Math.sign(b.x - a.x) || 1;
      const len = Math.abs(b.x - a.x);
      for (const t of [10, len / 2 - w / 2, len - w - 10]) {
        if (t < 4 || t + w > len + 2) {
          continue;
        }
        const x = dir > 0 ? a.x + t : a.x - t - w;
        list.push({ x, y: a.y - h - 3 });
        list.push({ x, y: a.y + 3 });
      }
    } else {
      const dir = Math.sign(b.y - a.y) || 1;
      const len = Math.abs(b.y - a.y);
      for (const t of [8, len / 2 - h / 2, len - h - 8]) {
        if (t < 4 || t + h > len + 2) {
          continue;
        }
        const y = dir > 0 ? a.y + t : a.y - t - h;
        list.push({ x: a.x + 5, y });
        list.push({ x: a.x - w - 5, y });
      }
    }
  }
  if (!list.length && points.length > 1) {
    list.push({ x: points[0].x + 6, y: points[0].y - h - 3 });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// one process

async function layoutProcess(process) {
  const back = findBackEdges(process);
  const boundaries = collectBoundaries(process, new Map());
  const ctx = { boundaries, hostSizes: new Map(), back, ported: new Set(), depth: new Map() };
  const actors = usedActors(process);
  const withLanes = actors.size >= 2;
  let laneOf = null;
  let laneKeys = [];
  ctx.north = new Set();
  let layout = await layoutContainer(process, ctx);
  // a split's side flow whose target ended up above the split leaves through the top corner
  const northward = layout => {
    let changed = false;
    for (const g of allFlowElements(process).filter(e => isGateway(e) && (e.outgoing || []).length > 1)) {
      const gs = layout.shapes.get(g.id);
      const main = mainFlow(g.outgoing, ctx);
      for (const f of g.outgoing) {
        const ts = f.targetRef && layout.shapes.get(f.targetRef.id);
        if (f !== main && gs && ts && ts.y + ts.height / 2 < gs.y + gs.height / 2 - 5 && !ctx.north.has(f.id)) {
          ctx.north.add(f.id);
          changed = true;
        }
      }
    }
    return changed;
  };
  if (northward(layout)) {
    layout = await layoutContainer(process, ctx);
  }
  if (withLanes) {
    laneOf = inferLanes(process, back);
    const present = new Set((process.flowElements || []).filter(e => is(e, 'bpmn:FlowNode')).map(e => laneOf.get(e.id)));
    laneKeys = ACTORS.map(a => a.key).filter(k => present.has(k));
    const { presets } = lanePresets(process, layout, laneOf, laneKeys, back, ctx);
    childPresets(process, layout, presets);
    ctx.north = new Set();
    layout = await layoutContainer(process, { ...ctx, presets, extraOptions: INTERACTIVE });
    if (northward(layout)) {
      layout = await layoutContainer(process, { ...ctx, presets, extraOptions: INTERACTIVE });
    }
  }

  // event subprocesses: laid out on their own, placed below the flow (in their lane)
  const eventSubs = (process.flowElements || []).filter(isEventSub);
  const subLayouts = [];
  for (const sub of eventSubs) {
    const inner = await layoutContainer(sub, ctx);
    const box = bboxOf([...inner.shapes.values()]);
    const width = Math.max(box.width + 2 * 30, textWidth(sub.name || '', 12) + 40);
    const height = box.height + SUB_PAD_TOP + 40;
    subLayouts.push({ sub, inner: translate(inner, -box.x + 30, -box.y + SUB_PAD_TOP + 10), width, height });
  }

  // boundary events: on their port; flows leave from the bottom of the event
  const result = { shapes: new Map(layout.shapes), edges: new Map(layout.edges), ports: layout.ports, labels: new Map(), boundaries };
  const placeEventSubs = () => {
    const content = bboxOf([...result.shapes.values()]);
    // lanes: each event subprocess below the content of its lane; otherwise below everything
    const laneOfSub = sub => (laneOf ? laneOf.get(sub.id) : null);
    const byLane = new Map();
    for (const s of subLayouts) {
      const key = laneOfSub(s.sub) || '';
      byLane.set(key, [...(byLane.get(key) || []), s]);
    }
    for (const [key, subs] of byLane) {
      let bottom = content.y + content.height;
      if (key && laneOf) {
        const members = [...result.shapes.entries()].filter(([id]) => laneOf.get(id) === key).map(([, r]) => r);
        bottom = Math.max(...members.map(r => r.y + r.height));
        // open a band below the lane's content: everything lower moves down
        const needed = Math.max(...subs.map(s => s.height)) + 60;
        shiftBelow(result, bottom + 30, needed);
      }
      // a stretch of the band that no flow crosses
      const cut = bottom + 30;
      const crossing = [];
      for (const pts of result.edges.values()) {
        for (let i = 0; i + 1 < pts.length; i++) {
          const a = pts[i], b = pts[i + 1];
          if (Math.abs(a.x - b.x) < 1 && Math.min(a.y, b.y) < cut + 200 && Math.max(a.y, b.y) > bottom) {
            crossing.push(a.x);
          }
        }
      }
      const total = subs.reduce((w, s) => w + s.width + 50, -50);
      const starts = [content.x, ...crossing.map(c => c + 30)].sort((a, b) => a - b);
      let x = starts.find(x0 => !crossing.some(c => c > x0 - 30 && c < x0 + total + 30));
      if (x === undefined) {
        x = Math.max(content.x + content.width, ...crossing) + 40;
      }
      for (const s of subs) {
        const y = bottom + 60;
        const moved = translate(s.inner, x, y);
        result.shapes.set(s.sub.id, { x, y, width: s.width, height: s.height });
        for (const [k, v] of moved.shapes) {
          result.shapes.set(k, v);
        }
        for (const [k, v] of moved.edges) {
          result.edges.set(k, v);
        }
        for (const [k, v] of moved.ports) {
          result.ports.set(k, v);
        }
        x += s.width + 50;
      }
    }
  };
  placeEventSubs();

  for (const [hostId, list] of boundaries) {
    for (const b of list) {
      const port = result.ports.get(`${hostId}::boundary::${b.id}`);
      if (!port) {
        continue;
      }
      const ev = { x: port.x, y: port.y, width: EVENT, height: EVENT };
      const host = result.shapes.get(hostId);
      // on the host's bottom edge
      ev.y = host.y + host.height - EVENT / 2;
      result.shapes.set(b.id, ev);
      for (const f of b.outgoing || []) {
        const pts = result.edges.get(f.id);
        if (pts && pts.length) {
          const cx = ev.x + EVENT / 2;
          pts[0] = { x: cx, y: ev.y + EVENT };
          if (pts.length > 1 && Math.abs(pts[1].x - cx) > 0.5) {
            pts.splice(1, 0, { x: cx, y: pts[1].y });
          }
        }
      }
    }
  }

  const elements = allFlowElements(process);
  const byId = new Map(elements.map(e => [e.id, e]));
  for (const f of elements.filter(e => is(e, 'bpmn:SequenceFlow'))) {
    let pts = result.edges.get(f.id);
    if (!pts || pts.length < 2) {
      continue;
    }
    const s = f.sourceRef, t = f.targetRef;
    if (s && !is(s, 'bpmn:BoundaryEvent') && (isGateway(s) || isEvent(s))) {
      pts[0] = clipToOutline(pts[0], pts[1], s, result.shapes.get(s.id));
    }
    if (t && (isGateway(t) || isEvent(t))) {
      const n = pts.length;
      pts[n - 1] = clipToOutline(pts[n - 1], pts[n - 2], t, result.shapes.get(t.id));
    }
    result.edges.set(f.id, straighten(simplify(pts), s, t, result.shapes));
  }

  // labels
  const obstacles = new Obstacles();
  for (const [id, r] of result.shapes) {
    const el = byId.get(id);
    if (el && is(el, 'bpmn:SubProcess')) {
      const { x, y, width: w, height: h } = r;
      obstacles.addSegments(id, [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }, { x, y }]);
      obstacles.addRect(id + '::title', { x, y, width: w, height: 30 }); // bpmn-js centres the name at the top
    } else {
      obstacles.addRect(id, r);
    }
  }
  for (const [id, pts] of result.edges) {
    obstacles.addSegments(id, pts);
  }
  const labelled = elements.filter(e => e.name && (isEvent(e) || (isGateway(e) && !isMergeGateway(e))));
  for (const el of labelled) {
    const shape = result.shapes.get(el.id);
    if (!shape) {
      continue;
    }
    const size = labelBox(el.name);
    const ignore = new Set([el.id, is(el, 'bpmn:BoundaryEvent') ? el.attachedToRef.id : '']);
    const candidates = labelCandidates(el, shape, size, result);
    const pick = obstacles.best(candidates, size, ignore);
    const r = { x: Math.round(pick.x), y: Math.round(pick.y), width: size.width, height: size.height };
    result.labels.set(el.id, r);
    obstacles.addRect('label:' + el.id, r);
  }
  for (const f of elements.filter(e => is(e, 'bpmn:SequenceFlow') && e.name)) {
    const pts = result.edges.get(f.id);
    if (!pts) {
      continue;
    }
    const size = labelBox(f.name, 70);
    const candidates = flowLabelCandidates(pts, size);
    const pick = obstacles.best(candidates, size, new Set([f.id]));
    const r = { x: Math.round(pick.x), y: Math.round(pick.y), width: size.width, height: size.height };
    result.labels.set(f.id, r);
    obstacles.addRect('label:' + f.id, r);
  }

  // text annotations: above (or below) the element they are associated with, a straight association
  const artifacts = allArtifacts(process);
  const noteOwner = new Map();
  for (const a of artifacts.filter(x => is(x, 'bpmn:Association'))) {
    const [note, target] = is(a.sourceRef, 'bpmn:TextAnnotation') ? [a.sourceRef, a.targetRef] : [a.targetRef, a.sourceRef];
    if (!is(note, 'bpmn:TextAnnotation') || !target || result.shapes.has(note.id)) {
      continue;
    }
    const t = result.shapes.get(target.id);
    if (!t) {
      continue;
    }
    const lines = wrap((note.text || '').trim() || ' ', 140, 12);
    const size = { width: 150, height: Math.max(30, lines.length * 15 + 10) };
    const ax = t.x + t.width / 2;
    const candidates = [];
    for (const gap of [30, 60, 90]) {
      candidates.push({ x: ax, y: t.y - gap - size.height, side: 'above' });
      candidates.push({ x: ax, y: t.y + t.height + gap, side: 'below' });
    }
    const fits = c => {
      const line = c.side === 'above' ? [{ x: ax, y: c.y + size.height }, { x: ax, y: t.y }]
        : [{ x: ax, y: t.y + t.height }, { x: ax, y: c.y }];
      const ignore = new Set([target.id]);
      return obstacles.free({ x: c.x, y: c.y, ...size }, ignore)
        && !obstacles.rects.some(o => o.owner !== target.id && segmentHitsRect(line[0], line[1], o.r, 2));
    };
    const pick = candidates.find(fits) || candidates[0];
    const box = { x: pick.x, y: pick.y, ...size };
    result.shapes.set(note.id, box);
    noteOwner.set(note.id, target);
    obstacles.addRect(note.id, box);
    const points = pick.side === 'above' ? [{ x: ax, y: box.y + box.height }, { x: ax, y: t.y }]
      : [{ x: ax, y: t.y + t.height }, { x: ax, y: box.y }];
    result.edges.set(a.id, a.sourceRef === note ? points : [...points].reverse());
    obstacles.addSegments(a.id, points);
  }

  // lanes and the pool
  if (withLanes) {
    const bands = [];
    for (const key of laneKeys) {
      const rects = [];
      for (const [id, r] of result.shapes) {
        const top = topLevelOf(byId.get(id) || noteOwner.get(id), process);
        if (top && laneOf.get(top.id) === key) {
          rects.push(r);
          if (result.labels.has(id)) {
            rects.push(result.labels.get(id));
          }
          // the names of the flows leaving it
          for (const f of (byId.get(id) || {}).outgoing || []) {
            if (result.labels.has(f.id)) {
              rects.push(result.labels.get(f.id));
            }
          }
        }
      }
      bands.push({ key, box: rects.length ? bboxOf(rects) : null });
    }
    const all = bboxOf([...result.shapes.values(), ...result.labels.values(), ...[...result.edges.values()].flat().map(p => ({ x: p.x, y: p.y, width: 0, height: 0 }))]);
    const left = all.x - POOL_HEADER - LANE_HEADER - 30;
    const right = all.x + all.width + 40;
    const lanes = [];
    let y = all.y - LANE_PAD;
    for (let i = 0; i < bands.length; i++) {
      const next = bands.slice(i + 1).find(b => b.box);
      const own = bands[i].box;
      let bottom;
      if (!next) {
        bottom = all.y + all.height + LANE_PAD;
      } else if (own) {
        bottom = Math.round(((own.y + own.height) + next.box.y) / 2);
      } else {
        bottom = y + 60;
      }
      lanes.push({ key: bands[i].key, x: left + POOL_HEADER, y, width: right - left - POOL_HEADER, height: bottom - y });
      y = bottom;
    }
    result.pool = { x: left, y: lanes[0].y, width: right - left, height: y - lanes[0].y };
    result.lanes = lanes;
    result.laneOf = laneOf;
  }
  return normalise(result);
}

function topLevelOf(el, process) {
  let e = el;
  while (e && e.$parent && e.$parent !== process) {
    e = e.$parent;
  }
  return e;
}

function shiftBelow(result, cut, dy) {
  for (const [k, r] of result.shapes) {
    if (r.y >= cut) {
      result.shapes.set(k, { ...r, y: r.y + dy });
    }
  }
  for (const [k, r] of result.ports) {
    if (r.y >= cut) {
      result.ports.set(k, { ...r, y: r.y + dy });
    }
  }
  for (const [k, pts] of result.edges) {
    result.edges.set(k, pts.map(p => (p.y >= cut ? { x: p.x, y: p.y + dy } : p)));
  }
}

/** Moves the drawing so that it starts at (100, 80), whole pixels. */
function normalise(result) {
  const rects = [...result.shapes.values(), ...result.labels.values()];
  if (result.pool) {
    rects.push(result.pool);
  }
  const box = bboxOf(rects);
  const dx = Math.round(100 - box.x);
  const dy = Math.round(80 - box.y);
  const r = v => Math.round(v);
  const move = b => ({ x: r(b.x + dx), y: r(b.y + dy), width: r(b.width), height: r(b.height) });
  const out = { shapes: new Map(), edges: new Map(), labels: new Map() };
  for (const [k, v] of result.shapes) {
    out.shapes.set(k, move(v));
  }
  for (const [k, v] of result.labels) {
    out.labels.set(k, move(v));
  }
  for (const [k, pts] of result.edges) {
    out.edges.set(k, pts.map(p => ({ x: r(p.x + dx), y: r(p.y + dy) })));
  }
  if (result.pool) {
    out.pool = move(result.pool);
    out.lanes = result.lanes.map(l => ({ ...move(l), key: l.key }));
    out.laneOf = result.laneOf;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// writing: only the diagram, the generated collaboration, the lane set and merge-gateway names change

const NS = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
};
const escapeAttr = v => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeRe = v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function prefixes(xml) {
  const root = xml.match(/<([\w.-]+:)?definitions\b[^>]*>/);
  if (!root) {
    throw new Error('no <definitions> element');
  }
  let rootTag = root[0];
  const bpmn = root[1] || '';
  const p = { bpmn };
  let addedNs = '';
  for (const [want, uri] of Object.entries(NS)) {
    const m = rootTag.match(new RegExp(`xmlns:([\\w.-]+)="${escapeRe(uri)}"`));
    if (m) {
      p[want] = m[1] + ':';
    } else {
      p[want] = want + ':';
      addedNs += ` xmlns:${want}="${uri}"`;
    }
  }
  if (addedNs) {
    rootTag = rootTag.replace(/^<([\w.-]+:)?definitions\b/, m => m + addedNs);
    xml = xml.replace(root[0], rootTag);
  }
  return { xml, p };
}

function bounds(p, r) {
  return `<${p.dc}Bounds x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}"/>`;
}

function diagramXml(p, key, planeElement, process, layout, participantId) {
  const lines = [];
  const ind = n => '  '.repeat(n);
  lines.push(`${ind(1)}<${p.bpmndi}BPMNDiagram id="BPMNDiagram_${escapeAttr(key)}">`);
  lines.push(`${ind(2)}<${p.bpmndi}BPMNPlane id="BPMNPlane_${escapeAttr(key)}" bpmnElement="${escapeAttr(planeElement)}">`);
  if (layout.pool) {
    lines.push(`${ind(3)}<${p.bpmndi}BPMNShape id="${escapeAttr(participantId)}_di" bpmnElement="${escapeAttr(participantId)}" isHorizontal="true">`);
    lines.push(`${ind(4)}${bounds(p, layout.pool)}`);
    lines.push(`${ind(3)}</${p.bpmndi}BPMNShape>`);
    for (const lane of layout.lanes) {
      const id = laneId(key, lane.key);
      lines.push(`${ind(3)}<${p.bpmndi}BPMNShape id="${escapeAttr(id)}_di" bpmnElement="${escapeAttr(id)}" isHorizontal="true">`);
      lines.push(`${ind(4)}${bounds(p, lane)}`);
      lines.push(`${ind(3)}</${p.bpmndi}BPMNShape>`);
    }
  }
  const elements = allFlowElements(process);
  for (const el of elements) {
    const r = layout.shapes.get(el.id);
    if (!r || is(el, 'bpmn:SequenceFlow')) {
      continue;
    }
    const expanded = is(el, 'bpmn:SubProcess') ? ' isExpanded="true"' : '';
    lines.push(`${ind(3)}<${p.bpmndi}BPMNShape id="${escapeAttr(el.id)}_di" bpmnElement="${escapeAttr(el.id)}"${expanded}>`);
    lines.push(`${ind(4)}${bounds(p, r)}`);
    if (layout.labels.has(el.id)) {
      lines.push(`${ind(4)}<${p.bpmndi}BPMNLabel>`, `${ind(5)}${bounds(p, layout.labels.get(el.id))}`, `${ind(4)}</${p.bpmndi}BPMNLabel>`);
    }
    lines.push(`${ind(3)}</${p.bpmndi}BPMNShape>`);
  }
  for (const el of elements.filter(e => is(e, 'bpmn:SequenceFlow'))) {
    const pts = layout.edges.get(el.id);
    if (!pts) {
      continue;
    }
    lines.push(`${ind(3)}<${p.bpmndi}BPMNEdge id="${escapeAttr(el.id)}_di" bpmnElement="${escapeAttr(el.id)}">`);
    for (const pt of pts) {
      lines.push(`${ind(4)}<${p.di}waypoint x="${pt.x}" y="${pt.y}"/>`);
    }
    if (layout.labels.has(el.id)) {
      lines.push(`${ind(4)}<${p.bpmndi}BPMNLabel>`, `${ind(5)}${bounds(p, layout.labels.get(el.id))}`, `${ind(4)}</${p.bpmndi}BPMNLabel>`);
    }
    lines.push(`${ind(3)}</${p.bpmndi}BPMNEdge>`);
  }
  for (const a of allArtifacts(process)) {
    if (is(a, 'bpmn:TextAnnotation') && layout.shapes.has(a.id)) {
      lines.push(`${ind(3)}<${p.bpmndi}BPMNShape id="${escapeAttr(a.id)}_di" bpmnElement="${escapeAttr(a.id)}">`);
      lines.push(`${ind(4)}${bounds(p, layout.shapes.get(a.id))}`);
      lines.push(`${ind(3)}</${p.bpmndi}BPMNShape>`);
    } else if (is(a, 'bpmn:Association') && layout.edges.has(a.id)) {
      lines.push(`${ind(3)}<${p.bpmndi}BPMNEdge id="${escapeAttr(a.id)}_di" bpmnElement="${escapeAttr(a.id)}">`);
      for (const pt of layout.edges.get(a.id)) {
        lines.push(`${ind(4)}<${p.di}waypoint x="${pt.x}" y="${pt.y}"/>`);
      }
      lines.push(`${ind(3)}</${p.bpmndi}BPMNEdge>`);
    }
  }
  lines.push(`${ind(2)}</${p.bpmndi}BPMNPlane>`);
  lines.push(`${ind(1)}</${p.bpmndi}BPMNDiagram>`);
  return lines.join('\n');
}

const laneId = (key, actor) => `Lane_${key.replace(/[^\w.-]/g, '_')}_${actor}`;

function laneSetXml(p, key, process, layout) {
  const ind = n => '  '.repeat(n);
  const lines = [`<${p.bpmn}laneSet id="LaneSet_${escapeAttr(key)}">`];
  const names = new Map(ACTORS.map(a => [a.key, a.name]));
  for (const lane of layout.lanes) {
    lines.push(`${ind(3)}<${p.bpmn}lane id="${escapeAttr(laneId(key, lane.key))}" name="${escapeAttr(names.get(lane.key))}">`);
    for (const el of (process.flowElements || []).filter(e => is(e, 'bpmn:FlowNode'))) {
      if (layout.laneOf.get(el.id) === lane.key) {
        lines.push(`${ind(4)}<${p.bpmn}flowNodeRef>${el.id}</${p.bpmn}flowNodeRef>`);
      }
    }
    lines.push(`${ind(3)}</${p.bpmn}lane>`);
  }
  lines.push(`${ind(2)}</${p.bpmn}laneSet>`);
  return lines.join('\n');
}

const FLOW_TAGS = ['startEvent', 'endEvent', 'intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent', 'task',
  'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask', 'manualTask', 'callActivity',
  'subProcess', 'transaction', 'adHocSubProcess', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway',
  'eventBasedGateway', 'complexGateway', 'sequenceFlow', 'dataObject', 'dataObjectReference', 'dataStoreReference',
  'textAnnotation', 'association', 'group'];

function rewrite(xml, definitions, layouts) {
  const pre = prefixes(xml);
  let out = pre.xml;
  const p = pre.p;
  // old diagrams go
  out = out.replace(new RegExp(`[ \\t]*<${escapeRe(p.bpmndi)}BPMNDiagram\\b[\\s\\S]*?</${escapeRe(p.bpmndi)}BPMNDiagram>\\s*\\n?`, 'g'), '');
  const diagrams = [];
  for (const { process, layout } of layouts) {
    const key = process.id;
    // merge gateways: no name
    for (const el of allFlowElements(process)) {
      if (isMergeGateway(el) && el.name) {
        out = out.replace(new RegExp(`<${escapeRe(p.bpmn)}\\w*Gateway\\b[^>]*\\bid="${escapeRe(el.id)}"[^>]*>`),
          tag => tag.replace(/\s+name="[^"]*"/, ''));
      }
    }
    // the process's element
    const start = out.search(new RegExp(`<${escapeRe(p.bpmn)}process\\b[^>]*\\bid="${escapeRe(key)}"`));
    if (start < 0) {
      throw new Error(`process ${key} not found in the text`);
    }
    const end = out.indexOf(`</${p.bpmn}process>`, start);
    let body = out.slice(start, end);
    body = body.replace(new RegExp(`\\n[ \\t]*<${escapeRe(p.bpmn)}laneSet\\b[\\s\\S]*?</${escapeRe(p.bpmn)}laneSet>`), '');
    if (layout.lanes) {
      const first = body.search(new RegExp(`\\n[ \\t]*<${escapeRe(p.bpmn)}(${FLOW_TAGS.join('|')})\\b`));
      if (first < 0) {
        throw new Error(`process ${key}: no flow element found`);
      }
      body = body.slice(0, first) + '\n    ' + laneSetXml(p, key, process, layout) + body.slice(first);
    }
    out = out.slice(0, start) + body + out.slice(end);
    // collaboration: ours is regenerated; someone else's is kept and its participant used
    const ours = `Collaboration_${key}`;
    out = out.replace(new RegExp(`[ \\t]*<${escapeRe(p.bpmn)}collaboration\\b[^>]*\\bid="${escapeRe(ours)}"[\\s\\S]*?</${escapeRe(p.bpmn)}collaboration>\\s*\\n`), '');
    const foreign = out.match(new RegExp(`<${escapeRe(p.bpmn)}collaboration\\b[^>]*\\bid="([^"]+)"[\\s\\S]*?</${escapeRe(p.bpmn)}collaboration>`));
    let plane = key;
    let participantId = null;
    if (foreign) {
      const part = foreign[0].match(new RegExp(`<${escapeRe(p.bpmn)}participant\\b[^>]*processRef="${escapeRe(key)}"[^>]*>`));
      if (part) {
        participantId = part[0].match(/\bid="([^"]+)"/)[1];
        plane = foreign[1];
      }
    }
    if (layout.lanes && !participantId) {
      participantId = `Participant_${key}`;
      plane = ours;
      const pStart = out.search(new RegExp(`[ \\t]*<${escapeRe(p.bpmn)}process\\b[^>]*\\bid="${escapeRe(key)}"`));
      const collab = `  <${p.bpmn}collaboration id="${escapeAttr(ours)}">\n`
        + `    <${p.bpmn}participant id="${escapeAttr(participantId)}" name="${escapeAttr(process.name || key)}" processRef="${escapeAttr(key)}"/>\n`
        + `  </${p.bpmn}collaboration>\n`;
      out = out.slice(0, pStart) + collab + out.slice(pStart);
    }
    if (participantId && !layout.pool) {
      throw new Error(`process ${key} is in a pool of another collaboration; lanes/pool without actors are not supported`);
    }
    diagrams.push(diagramXml(p, key, plane, process, layout, participantId));
  }
  const close = out.lastIndexOf(`</${p.bpmn}definitions>`);
  out = out.slice(0, close).replace(/\s*$/, '\n') + diagrams.join('\n') + '\n' + out.slice(close);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// check of the written file

async function verify(xml, file) {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
  if (warnings.length) {
    throw new Error(`${file}: read back with warnings: ${warnings.map(w => w.message).join('; ')}`);
  }
  const di = new Map();
  for (const d of definitions.diagrams || []) {
    for (const e of d.plane.planeElement || []) {
      di.set(e.bpmnElement && e.bpmnElement.id, e);
    }
  }
  const problems = [];
  for (const process of definitions.rootElements.filter(e => is(e, 'bpmn:Process'))) {
    for (const el of allFlowElements(process)) {
      if (!is(el, 'bpmn:FlowNode') && !is(el, 'bpmn:SequenceFlow')) {
        continue;
      }
      const d = di.get(el.id);
      if (!d) {
        problems.push(`${el.id} has no DI`);
        continue;
      }
      if (is(el, 'bpmn:SequenceFlow')) {
        const w = d.waypoint || [];
        for (let i = 0; i + 1 < w.length; i++) {
          if (w[i].x !== w[i + 1].x && w[i].y !== w[i + 1].y) {
            problems.push(`${el.id} has a diagonal segment`);
          }
        }
      }
    }
  }
  if (problems.length) {
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main(files) {
  let failed = false;
  for (const file of files) {
    try {
      const xml = await readFile(file, 'utf8');
      const moddle = new BpmnModdle({ camunda: camundaDescriptor });
      const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
      if (warnings.length) {
        throw new Error(`read with warnings: ${warnings.map(w => w.message).join('; ')}`);
      }
      const layouts = [];
      for (const process of definitions.rootElements.filter(e => is(e, 'bpmn:Process'))) {
        layouts.push({ process, layout: await layoutProcess(process) });
      }
      const crlf = xml.includes('\r\n');
      let written = rewrite(xml.replace(/\r\n/g, '\n'), definitions, layouts);
      await verify(written, file);
      if (crlf) {
        written = written.replace(/\n/g, '\r\n');
      }
      if (written !== xml) {
        await writeFile(file, written);
        console.log(`laid out ${file}${layouts.some(l => l.layout.lanes) ? ' (lanes: ' + layouts.flatMap(l => (l.layout.lanes || []).map(x => x.key)).join(', ') + ')' : ''}`);
      } else {
        console.log(`unchanged ${file}`);
      }
    } catch (e) {
      failed = true;
      console.error(`FAILED ${file}: ${e.stack || e.message}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node layout.mjs <model.bpmn>...');
  process.exit(2);
}
await main(files);
