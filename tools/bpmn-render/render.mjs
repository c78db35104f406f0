// Renders BPMN and DMN models to PNG the way Camunda Modeler and Cockpit draw them (bpmn-js, dmn-js),
// in the machine's headless Chromium (puppeteer-core, no browser download).
//
//   node render.mjs <output dir> <model>...
//
// BPMN: the whole diagram at scale 1 with a margin. DMN: the decision's table (or literal expression).
// Writes <output dir>/<model file name without extension>.png per model, and <output dir>/layout-defects.txt
// listing per process what layout-defects.js finds hard to read. Fails (exit 1) on an import
// error or warning, so a model that bpmn-js cannot draw is noticed here rather than in the Modeler.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const modules = join(here, 'node_modules');
const MARGIN = 30;
// room below the drawing for the bpmn.io logo, which the licence asks to keep visible
const LOGO_ROOM = 40;

const [outputDir, ...models] = process.argv.slice(2);
if (!outputDir || models.length === 0) {
  console.error('usage: node render.mjs <output dir> <model.bpmn|model.dmn>...');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
});
let failed = false;
const layout = [];
try {
  for (const model of models) {
    const target = join(outputDir, basename(model, extname(model)) + '.png');
    try {
      const xml = await readFile(model, 'utf8');
      if (model.endsWith('.bpmn')) {
        await renderBpmn(xml, target);
      } else if (model.endsWith('.dmn')) {
        await renderDmn(xml, target);
      } else {
        throw new Error('neither .bpmn nor .dmn');
      }
      console.log(`rendered ${model} -> ${target}`);
    } catch (e) {
      failed = true;
      console.error(`FAILED ${model}: ${e.message}`);
    }
  }
} finally {
  await browser.close();
}
if (layout.length) {
  const lines = ['Layout defects found by tools/bpmn-render/layout-defects.js (written by scripts/render-processes.sh).',
    'Flows drawn diagonally, through shapes or over other flows; merge gateways with a label; names or labels that',
    'collide, overflow their shape or break mid-word. An empty section means none found.'];
  for (const { model, width, defects } of layout) {
    lines.push('', `${basename(model, '.png')} (${width} px wide)`, ...defects.map(d => `- ${d}`));
  }
  await writeFile(join(outputDir, 'layout-defects.txt'), lines.join('\n') + '\n');
  const count = layout.reduce((n, l) => n + l.defects.length, 0);
  console.log(`layout: ${count} defect(s) in ${layout.filter(l => l.defects.length).length} of ${layout.length} process(es), listed in ${join(outputDir, 'layout-defects.txt')}`);
}
process.exit(failed ? 1 : 0);

async function newPage(width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>'
    + 'html,body{margin:0;padding:0;background:#fff;font-family:Arial,"Liberation Sans",sans-serif}'
    + '#canvas{position:absolute;left:0;top:0;background:#fff}</style></head>'
    + '<body><div id="canvas"></div></body></html>');
  return page;
}

async function renderBpmn(xml, target) {
  const page = await newPage(1200, 800);
  try {
    for (const css of ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']) {
      await page.addStyleTag({ path: resolve(modules, 'bpmn-js/dist/assets', css) });
    }
    await page.addScriptTag({ path: resolve(modules, 'bpmn-js/dist/bpmn-viewer.production.min.js') });
    await page.addScriptTag({ path: join(here, 'layout-defects.js') });
    const size = await page.evaluate(async (xml, margin, logoRoom) => {
      const container = document.getElementById('canvas');
      container.style.width = '1200px';
      container.style.height = '800px';
      const viewer = new window.BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error('import warnings: ' + warnings.map(w => w.message).join('; '));
      }
      const canvas = viewer.get('canvas');
      let defects;
      try {
        defects = window.layoutDefects(viewer.get('elementRegistry'));
      } catch (e) {
        defects = ['the layout check failed: ' + e.message]; // the picture still counts
      }
      canvas.zoom(1);
      const inner = canvas.viewbox().inner;
      const width = Math.ceil(inner.width + 2 * margin);
      const height = Math.ceil(inner.height + 2 * margin + logoRoom);
      container.style.width = width + 'px';
      container.style.height = height + 'px';
      canvas.resized();
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
      return { width, height, defects };
    }, xml, MARGIN, LOGO_ROOM);
    layout.push({ model: target, width: size.width, defects: size.defects });
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: 1 });
    await page.screenshot({ path: target, clip: { x: 0, y: 0, width: size.width, height: size.height } });
  } finally {
    await page.close();
  }
}

async function renderDmn(xml, target) {
  const page = await newPage(2400, 800);
  try {
    for (const css of ['diagram-js.css', 'dmn-js-shared.css', 'dmn-js-drd.css', 'dmn-js-decision-table.css',
      'dmn-js-literal-expression.css', 'dmn-js-boxed-expression.css', 'dmn-font/css/dmn.css']) {
      await page.addStyleTag({ path: resolve(modules, 'dmn-js/dist/assets', css) });
    }
    await page.addStyleTag({ content: '#canvas{width:max-content;min-width:400px;padding:' + MARGIN + 'px}'
      + '.dmn-decision-table-container,.dmn-literal-expression-container{padding-bottom:' + LOGO_ROOM + 'px}' });
    await page.addScriptTag({ path: resolve(modules, 'dmn-js/dist/dmn-viewer.production.min.js') });
    const size = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      const viewer = new window.DmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error('import warnings: ' + warnings.map(w => w.message).join('; '));
      }
      const view = viewer.getViews().find(v => v.type === 'decisionTable' || v.type === 'literalExpression');
      if (view) {
        await viewer.open(view);
      }
      const box = container.getBoundingClientRect();
      return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
    }, xml);
    await page.setViewport({ width: Math.max(size.width, 400), height: size.height, deviceScaleFactor: 1 });
    await page.screenshot({ path: target, clip: { x: 0, y: 0, width: size.width, height: size.height } });
  } finally {
    await page.close();
  }
}
