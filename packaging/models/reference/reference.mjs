// Runs the ORIGINAL JavaScript packages (@vladmandic/face-api 1.7.15 and
// nsfwjs 4.3.0) with pure-JS TensorFlow.js on the CPU backend over the six
// demo photos shipped in face-api, and records what they output.  The
// TorchScript conversions in ../ are checked against this file
// (../check_reference.py).
//
// Usage (from a directory where `npm ci` has installed package-lock.json):
//   node reference.mjs [--out reference.json] [--dump-pixels DIR]
//
// With only --dump-pixels (no --out) the script just decodes and dumps, which
// takes seconds; the models run (about two minutes) when --out is given or
// when no option is given at all.
//
// --dump-pixels DIR writes, per photo, DIR/sampleN.rgb (raw 8-bit RGB, row
// major, exactly what jpeg-js decoded and what both networks were fed) and
// DIR/pixels.json (width/height per photo), so that the Python check can feed
// bit-identical input to the converted models.  jpeg-js ignores EXIF
// orientation; none of the demo photos is rotated by EXIF, so the C++ engine
// (which applies EXIF) sees the same pixels.
//
// Nothing here needs native code or network access: the real tfjs-node is NOT
// used (see the alias in package.json).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

import jpeg from 'jpeg-js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { out: null, dumpPixels: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--dump-pixels') args.dumpPixels = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node reference.mjs [--out FILE] [--dump-pixels DIR]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (args.out === undefined || args.dumpPixels === undefined) {
    console.error('missing value for an option');
    process.exit(2);
  }
  if (args.out === null && args.dumpPixels === null) args.out = path.join(here, 'reference.json');
  return args;
}

// face-api's environment probe wants Canvas/Image classes to exist for its
// `instanceof` checks even when it is only given tensors.
function stubBrowserClasses() {
  for (const name of ['Canvas', 'HTMLCanvasElement', 'Image', 'HTMLImageElement',
    'ImageData', 'HTMLVideoElement', 'Video']) {
    if (globalThis[name] === undefined) globalThis[name] = class {};
  }
}

// Node's own lookup: the nearest node_modules/NAME above this script (some
// packages do not export ./package.json, so require.resolve cannot be used).
function packageDir(name) {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find node_modules/${name} (run npm ci next to this script)`);
  }
}

function round(x, digits = 7) {
  return Number(x.toFixed(digits));
}

function decodePhotos(faceDir) {
  const photos = [];
  for (let n = 1; n <= 6; n++) {
    const file = `sample${n}.jpg`;
    const jpg = fs.readFileSync(path.join(faceDir, 'demo', file));
    const img = jpeg.decode(jpg, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
    if (img.data.length !== img.width * img.height * 3) throw new Error(`${file}: unexpected decoded size`);
    photos.push({ n, file, width: img.width, height: img.height, data: img.data });
  }
  return photos;
}

function dumpPixels(dir, photos) {
  fs.mkdirSync(dir, { recursive: true });
  const index = {};
  for (const p of photos) {
    fs.writeFileSync(path.join(dir, `sample${p.n}.rgb`), p.data);
    index[p.file] = { width: p.width, height: p.height, file: `sample${p.n}.rgb` };
  }
  // written last: its presence marks a complete dump
  fs.writeFileSync(path.join(dir, 'pixels.json'), `${JSON.stringify(index, null, 2)}\n`);
  console.error(`dumped decoded pixels of ${photos.length} photos to ${dir}`);
}

async function runModels(faceDir, photos) {
  stubBrowserClasses();
  const tf = require('@tensorflow/tfjs');
  // face-api's Node build require()s '@tensorflow/tfjs-node'; package.json
  // maps that name to the pure-JS @tensorflow/tfjs (an npm alias), so both
  // packages share one tfjs-core engine, pinned to the plain CPU backend.
  const faceapi = require('@vladmandic/face-api');
  const nsfwjs = await import('nsfwjs');
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`backend is ${tf.getBackend()}, expected cpu`);

  const readPkg = (name) => JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8'));
  const facePkg = readPkg('@vladmandic/face-api');
  const nsfwPkg = readPkg('nsfwjs');
  const tfjsPkg = readPkg('@tensorflow/tfjs');

  // SSD MobileNetV1 face detector: decode the (uint8-quantized) weights with
  // tfjs' own decoder and hand them to face-api.
  const modelDir = path.join(faceDir, 'model');
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'ssd_mobilenetv1_model-weights_manifest.json'), 'utf8'));
  const buffers = manifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(modelDir, p))));
  const weightData = new Uint8Array(Buffer.concat(buffers)).buffer;
  const weightMap = tf.io.decodeWeights(weightData, manifest.flatMap((g) => g.weights));
  faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weightMap);
  const detectorOptions = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 });

  // nsfwjs' default model (MobileNetV2, 224x224) from its bundled .min.js files.
  const classifier = await nsfwjs.load('MobileNetV2');
  const labels = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'];

  const results = [];
  for (const { file, width, height, data } of photos) {
    const tensor = tf.tensor3d(data, [height, width, 3], 'int32');

    // face-api: pads bottom/right to a square, resizes to 512 (legacy
    // bilinear), then maps boxes back to the original image.  Its relative
    // boxes use padX = 512 / round(width * 512 / max(w, h)), so the square
    // model coordinates are recovered by dividing by that factor again.
    const detections = await faceapi.detectAllFaces(tensor, detectorOptions);
    const side = Math.max(width, height);
    const scale = 512 / side;
    const padX = 512 / Math.round(width * scale);
    const padY = 512 / Math.round(height * scale);
    const faces = detections.map((d) => {
      const rel = d.relativeBox;
      const box = d.box;
      const square = [rel.x / padX, rel.y / padY, (rel.x + rel.width) / padX, (rel.y + rel.height) / padY];
      return {
        score: round(d.score),
        // x1, y1, x2, y2 normalized to the padded square model input
        box_square: square.map((v) => round(v)),
        // x1, y1, x2, y2 in original pixels = square * max(width, height)
        // (what the C++ engine computes)
        box_pixels: square.map((v) => round(v * side, 3)),
        // x, y, width, height in original pixels as face-api reports them
        // (with its rounded resize factor; differs by < 1 px)
        box_pixels_faceapi: [box.x, box.y, box.width, box.height].map((v) => round(v, 3)),
      };
    });

    // nsfwjs: x/255, resizeBilinear(alignCorners = true) to 224, softmax.
    const probs = tf.tidy(() => classifier.infer(tensor)).dataSync();
    tensor.dispose();
    const moderation = {};
    labels.forEach((l, i) => { moderation[l] = round(probs[i], 8); });

    results.push({ file, width, height, faces, moderation });
    console.error(`${file}: ${width}x${height}, ${faces.length} face(s), top class ${labels[probs.indexOf(Math.max(...probs))]}`);
  }

  return {
    generated_by: 'packaging/models/reference/reference.mjs',
    tfjs: { version: tfjsPkg.version, backend: tf.getBackend() },
    face_detector: {
      package: `${facePkg.name}@${facePkg.version}`,
      model: 'ssd_mobilenetv1',
      min_confidence: 0.5,
      max_results: 100,
      iou_threshold: 0.5,
      box_square_format: 'x1,y1,x2,y2 in 0..1 of the bottom/right zero-padded square',
      box_pixels_format: 'x1,y1,x2,y2 = box_square * max(width,height)',
      box_pixels_faceapi_format: 'x,y,width,height as reported by face-api (uses its rounded resize factor)',
    },
    moderation: { package: `${nsfwPkg.name}@${nsfwPkg.version}`, model: 'MobileNetV2', labels },
    decoder: 'jpeg-js 0.4.4 (no EXIF orientation)',
    photos: results,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const faceDir = packageDir('@vladmandic/face-api');
  const photos = decodePhotos(faceDir);
  if (args.dumpPixels) dumpPixels(args.dumpPixels, photos);
  if (args.out) {
    const result = await runModels(faceDir, photos);
    fs.writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    console.error(`wrote ${args.out}`);
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
