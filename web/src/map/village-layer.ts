import L from 'leaflet';
import type { PlanIndex } from './plan-data';

/**
 * Every village as a dot on one canvas (no DOM node or SVG path per village): projected once at zoom 0,
 * redrawn on each move, and hit-tested through a grid of the dots drawn. Covered villages take their
 * adviser's colour; uncovered ones are a hollow dark ring with a cross so they read apart from any colour.
 */
export class VillageLayer extends L.Layer {
  #canvas!: HTMLCanvasElement;
  #ix: PlanIndex;
  #x0: Float64Array;
  #y0: Float64Array;
  #rows: Uint32Array;
  /** when a filter is on: which villages it keeps (the rest are drawn faint, for context) */
  #kept: Uint8Array | null = null;
  #rgba: Uint32Array;
  /** screen positions of the dots drawn (-1e9: not drawn) */
  #sx: Float32Array;
  #sy: Float32Array;
  onDrawn?: () => void;

  constructor(ix: PlanIndex, colours: string[]) {
    super();
    this.#ix = ix;
    this.#x0 = new Float64Array(ix.n);
    this.#y0 = new Float64Array(ix.n);
    for (let i = 0; i < ix.n; i++) {
      const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(ix.lat[i], ix.lon[i]), 0);
      this.#x0[i] = p.x;
      this.#y0[i] = p.y;
    }
    this.#rows = new Uint32Array(0);
    this.#rgba = Uint32Array.from(colours, rgbaOf);
    this.#sx = new Float32Array(ix.n).fill(-1e9);
    this.#sy = new Float32Array(ix.n);
  }

  override onAdd(map: L.Map): this {
    this.#canvas = L.DomUtil.create('canvas', 'village-canvas') as HTMLCanvasElement;
    this.#canvas.setAttribute('aria-hidden', 'true');
    map.getPanes().overlayPane.appendChild(this.#canvas);
    map.on('moveend resize', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend resize', this.redraw, this);
    this.#canvas.remove();
    return this;
  }

  setRows(rows: Uint32Array, draw = true): void {
    this.#rows = rows;
    this.#kept = rows.length === this.#ix.n ? null : new Uint8Array(this.#ix.n);
    if (this.#kept) for (let j = 0; j < rows.length; j++) this.#kept[rows[j]] = 1;
    if (draw) this.redraw();
  }

  /** While true, the map's moves do not redraw (a filter moves the map, then draws once). */
  quiet = false;

  redraw(): void {
    const map = this._map;
    if (!map || !this.#canvas || this.quiet) return;
    const size = map.getSize();
    const c = this.#canvas;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    const W = size.x;
    const H = size.y;
    if (c.width !== W || c.height !== H) {
      c.width = W;
      c.height = H;
      c.style.width = `${W}px`;
      c.style.height = `${H}px`;
    }
    const ctx = c.getContext('2d')!;
    const origin = map.getPixelBounds().min!;
    const scale = 2 ** map.getZoom();
    const ix = this.#ix;
    const rows = this.#rows;
    const z = map.getZoom();
    const r = z >= 12 ? 4 : z >= 10 ? 3 : z >= 8 ? 2 : 1;
    // the dots are written straight into a pixel buffer: ~26,500 squares cost a few milliseconds
    const image = ctx.createImageData(W, H);
    const px = new Uint32Array(image.data.buffer);
    const sx = this.#sx;
    const sy = this.#sy;
    sx.fill(-1e9);
    const square = (x: number, y: number, rad: number, colour: number) => {
      const x0 = Math.max(0, Math.round(x - rad));
      const x1 = Math.min(W - 1, Math.round(x + rad) - 1);
      const y0 = Math.max(0, Math.round(y - rad));
      const y1 = Math.min(H - 1, Math.round(y + rad) - 1);
      for (let yy = y0; yy <= y1; yy++) px.fill(colour, yy * W + x0, yy * W + x1 + 1);
    };
    if (this.#kept) {
      // the villages the filter leaves out, faint, so the selection keeps its surroundings
      const kept = this.#kept;
      const q = Math.max(1, r - 0.5);
      for (let i = 0; i < ix.n; i++) {
        if (kept[i]) continue;
        const x = this.#x0[i] * scale - origin.x;
        const y = this.#y0[i] * scale - origin.y;
        if (x < -5 || y < -5 || x > W + 5 || y > H + 5) continue;
        square(x, y, q, FAINT);
      }
    }
    const uncovered: number[] = [];
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      const x = this.#x0[i] * scale - origin.x;
      const y = this.#y0[i] * scale - origin.y;
      if (x < -5 || y < -5 || x > W + 5 || y > H + 5) continue;
      sx[i] = x;
      sy[i] = y;
      const l = ix.lawyer[i];
      if (l < 0) uncovered.push(i);
      else square(x, y, r, this.#rgba[l]);
    }
    ctx.putImageData(image, 0, 0);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#111';
    ctx.fillStyle = '#fff';
    const u = r + 2.5;
    for (const i of uncovered) {
      ctx.beginPath();
      ctx.arc(sx[i], sy[i], u, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(sx[i] - u * 0.6, sy[i] - u * 0.6);
      ctx.lineTo(sx[i] + u * 0.6, sy[i] + u * 0.6);
      ctx.moveTo(sx[i] + u * 0.6, sy[i] - u * 0.6);
      ctx.lineTo(sx[i] - u * 0.6, sy[i] + u * 0.6);
      ctx.stroke();
    }
    this.onDrawn?.();
  }

  /** The drawn village nearest a container point, within 8 px; -1 when none (a scan of the drawn dots: under a millisecond). */
  hit(x: number, y: number): number {
    let best = -1;
    let bestD = 64;
    const rows = this.#rows;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      const dx = this.#sx[i] - x;
      if (dx > 8 || dx < -8) continue;
      const d = dx * dx + (this.#sy[i] - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}

/** `hsl(h s% l%)` as a little-endian RGBA word for the pixel buffer. */
function rgbaOf(hsl: string): number {
  const m = /hsl\(([\d.]+) ([\d.]+)% ([\d.]+)%\)/.exec(hsl);
  if (!m) return 0xff808080;
  const h = Number(m[1]) / 360;
  const s = Number(m[2]) / 100;
  const l = Number(m[3]) / 100;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const ch = (t: number) => {
    t = (t + 1) % 1;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return Math.round(v * 255);
  };
  return ((255 << 24) | (ch(h - 1 / 3) << 16) | (ch(h) << 8) | ch(h + 1 / 3)) >>> 0;
}

const FAINT = ((255 << 24) | (0xb8 << 16) | (0xc4 << 8) | 0xc9) >>> 0;
