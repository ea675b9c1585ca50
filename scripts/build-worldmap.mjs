// Build the partner map's base layers once, at set-up: Natural Earth (npm world-atlas) projected
// with d3-geo's Equal Earth, cut at the antimeridian, clipped and thinned to the drawn size.
//
//   node scripts/build-worldmap.mjs [FOLDER]           writes each panel's picture (world.svg,
//                                                      europe.svg …) and projection.json, the
//                                                      parameters that place markers on them
//   node scripts/build-worldmap.mjs --project < IN     prints [lon, lat] points of IN (JSON) as
//                                                      {panel: [[x, y], …]}, for the tests
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";

const require = createRequire(import.meta.url);
const atlas = (name) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), "utf8"));

// Map units: the world panel is 1000 wide; the panels below it share the same unit on screen,
// so a marker is as large in every panel. South of 58° S there is only Antarctica.
const WORLD = { width: 1000, south: -58 };
// The crowded regions drawn larger in panels of their own: [west, south, east, north] in degrees.
// Europe reaches to the Urals, as the partner-city filter's continent (Russia counts as Europe).
const INSETS = [
  { id: "europe", width: 700, region: [-11, 34, 62, 61], detail: "50m" },
  { id: "east-asia", width: 300, region: [105, 19, 142, 41], detail: "50m" },
];
const PAD = 12; // units between a panel's edge and its region
const TOLERANCE = 1; // units: points closer to the last one kept add nothing visible

/** Return the outline of a longitude/latitude box as a line with a point every degree. */
function boxOutline([west, south, east, north], step = 1) {
  const points = [];
  for (let x = west; x < east; x += step) points.push([x, south]);
  for (let y = south; y < north; y += step) points.push([east, y]);
  for (let x = east; x > west; x -= step) points.push([x, north]);
  for (let y = north; y >= south; y -= step) points.push([west, y]);
  return { type: "LineString", coordinates: points };
}

/** Return the world panel's projection and height: the whole sphere, fitted to the width. */
function worldProjection() {
  const projection = geoEqualEarth().rotate([0, 0]).fitWidth(WORLD.width, { type: "Sphere" });
  const height = Math.ceil(projection([0, WORLD.south])[1]);
  return { projection, height };
}

/** Return an inset's projection, centred on its region's middle meridian, and its height. */
function insetProjection({ width, region }) {
  const outline = boxOutline(region);
  const rotate = -Math.round((region[0] + region[2]) / 2);
  const projection = geoEqualEarth().rotate([rotate, 0]).fitWidth(width - 2 * PAD, outline);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(outline);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + PAD, ty - y0 + PAD]);
  const height = Math.ceil(y1 - y0 + 2 * PAD);
  projection.clipExtent([[0, 0], [width, height]]);
  return { projection, height };
}

/** Return a stream that drops points closer than TOLERANCE to the last one kept, and rings
 * smaller than that altogether (islands too small to see at this size). */
function thinned(output) {
  let ring = null;
  return {
    point(x, y) {
      if (!ring) return output.point(x, y);
      const last = ring[ring.length - 1];
      if (!last || Math.hypot(x - last[0], y - last[1]) >= TOLERANCE) ring.push([x, y]);
    },
    lineStart() { ring = []; },
    lineEnd() {
      const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
      const big = Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys) >= 2 * TOLERANCE;
      if (ring.length >= 2 && big) {
        output.lineStart();
        for (const [x, y] of ring) output.point(x, y);
        output.lineEnd();
      }
      ring = null;
    },
    polygonStart() { output.polygonStart(); },
    polygonEnd() { output.polygonEnd(); },
    sphere() { output.sphere?.(); },
  };
}

/** Return tenths of a unit as the shortest decimal, such as "-.5", "12" or "3.4". */
function tenths(value) {
  const sign = value < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(value) / 10), tenth = Math.abs(value) % 10;
  if (!tenth) return `${sign}${whole}`;
  return `${sign}${whole || ""}.${tenth}`;
}

/** Return numbers as compact path data: a minus sign or a second point needs no space. */
function join(numbers) {
  let text = "";
  for (const number of numbers) {
    const glued = number.startsWith("-") || (number.startsWith(".") && /\.\d*$/.test(text));
    text += (text && !glued ? " " : "") + number;
  }
  return text;
}

/** A path context writing each ring or line as one absolute move and relative steps, in tenths
 * of a unit, so that the steps add up exactly to the rounded points: "M12 3.4l1-2 .5.5z". */
class CompactPath {
  constructor() { this.text = ""; this.steps = null; }
  moveTo(x, y) {
    this.flush();
    [this.x, this.y] = [Math.round(x * 10), Math.round(y * 10)];
    this.text += `M${join([tenths(this.x), tenths(this.y)])}`;
    this.steps = [];
  }
  lineTo(x, y) {
    const [nx, ny] = [Math.round(x * 10), Math.round(y * 10)];
    if (nx === this.x && ny === this.y) return;
    this.steps.push(tenths(nx - this.x), tenths(ny - this.y));
    [this.x, this.y] = [nx, ny];
  }
  closePath() { this.flush(); this.text += "z"; }
  flush() {
    if (this.steps?.length) this.text += `l${join(this.steps)}`;
    this.steps = null;
  }
  arc() {}
  result() { this.flush(); return this.text; }
}

/** Return SVG path data of a GeoJSON object through the projection, thinned. */
function pathData(projection, object) {
  const thin = { stream: (output) => projection.stream(thinned(output)) };
  const context = new CompactPath();
  geoPath(thin, context)(object);
  return context.result();
}

/** Return land and the borders between countries at a detail ("110m", "50m"), without Antarctica. */
function layers(detail) {
  const land = atlas(`land-${detail}.json`);
  const countries = atlas(`countries-${detail}.json`);
  const shapes = feature(land, land.objects.land);
  const polygons = shapes.features.flatMap((f) =>
    f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates],
  );
  const north = polygons.filter((rings) => rings[0].some(([, lat]) => lat > -60));
  return {
    land: { type: "MultiPolygon", coordinates: north },
    borders: mesh(countries, countries.objects.countries, (a, b) => a !== b),
  };
}

/** Return every panel's projection, size and region. */
function panels() {
  const world = worldProjection();
  const result = { world: { ...world, width: WORLD.width } };
  for (const inset of INSETS) result[inset.id] = { ...insetProjection(inset), ...inset };
  return result;
}

/** Return the parameters the server needs to place markers with the same projection. */
function parameters({ projection, width, height }) {
  return {
    width,
    height,
    scale: projection.scale(),
    translate: projection.translate(),
    rotate: projection.rotate()[0],
  };
}

/** Return a colour of the KERN design system's palette, as its stylesheet defines it. */
function kernColor(name) {
  const css = readFileSync(require.resolve("@kern-ux/native/dist/kern.css"), "utf8");
  const match = css.match(new RegExp(`--kern-color-${name}:\\s*([^;]+);`));
  if (!match) throw new Error(`KERN has no colour ${name}`);
  return match[1].trim();
}

/** Return a panel's picture as a standalone SVG document: sea, land and borders. */
function svgDocument({ width, height }, layers, colours) {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    layers.sphere
      ? `<path fill="${colours.sea}" d="${layers.sphere}"/>`
      : `<rect fill="${colours.sea}" width="${width}" height="${height}"/>`,
    `<path fill="${colours.land}" stroke="${colours.coast}" stroke-width=".4" stroke-linejoin="round" d="${layers.land}"/>`,
    `<path fill="none" stroke="${colours.border}" stroke-width=".5" stroke-linejoin="round" d="${layers.borders}"/>`,
    "</svg>",
  ];
  return parts.join("\n") + "\n";
}

/** Write a file next to the target and rename it, so that an interrupted build breaks nothing. */
function write(target, text) {
  writeFileSync(`${target}.partial`, text);
  renameSync(`${target}.partial`, target);
}

function build(folder) {
  const colours = {
    sea: kernColor("lightblue-100"),
    land: kernColor("neutral-025"),
    coast: kernColor("neutral-400"),
    border: kernColor("neutral-300"),
  };
  const all = panels();
  const coarse = layers("110m");
  const fine = layers("50m");
  const world = all.world;
  const pictures = {
    world: {
      sphere: pathData(world.projection, { type: "Sphere" }),
      land: pathData(world.projection, coarse.land),
      borders: pathData(world.projection, coarse.borders),
    },
  };
  for (const inset of INSETS) {
    const { land, borders } = inset.detail === "50m" ? fine : coarse;
    pictures[inset.id] = {
      land: pathData(all[inset.id].projection, land),
      borders: pathData(all[inset.id].projection, borders),
    };
  }
  mkdirSync(folder, { recursive: true });
  const parameters = {
    source: "Natural Earth (world-atlas), projected with d3-geo's geoEqualEarth",
    panels: Object.entries(all).map(([id, panel]) => ({
      id,
      width: panel.width,
      height: panel.height,
      scale: panel.projection.scale(),
      translate: panel.projection.translate(),
      rotate: panel.projection.rotate()[0],
      region: panel.region ?? null,
      picture: `${id}.svg`,
      // Where the world map marks this region's frame (drawn by the page, not in the picture).
      frame: panel.region ? pathData(world.projection, boxOutline(panel.region, 2)) : null,
    })),
  };
  const sizes = [];
  for (const panel of parameters.panels) {
    const text = svgDocument(panel, pictures[panel.id], colours);
    write(`${folder}/${panel.picture}`, text);
    sizes.push(`${panel.picture} ${Math.round(text.length / 1024)} KB`);
  }
  write(`${folder}/projection.json`, JSON.stringify(parameters, null, 1) + "\n");
  console.log(`${folder}: ${sizes.join(", ")}, projection.json`);
}

function project() {
  const points = JSON.parse(readFileSync(0, "utf8"));
  const all = panels();
  const result = {};
  for (const [id, { projection }] of Object.entries(all)) {
    // Unclipped: the test compares positions, whether or not a panel shows the point.
    projection.clipExtent(null);
    result[id] = points.map((point) => projection(point));
  }
  console.log(JSON.stringify(result));
}

if (process.argv[2] === "--project") project();
else build(process.argv[2] ?? "build/worldmap");
