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
  #colours: string[];
  #x0: Float64Array;
  #y0: Float64Array;
  #rows: Uint32Array;
  #selected = -1;
  /** when a filter is on: which villages it keeps (the rest are drawn faint, for context) */
  #kept: Uint8Array | null = null;
  /** grid of dots drawn: cell key → row indices */
  #grid = new Map<number, number[]>();
  #sx = new Float32Array(0);
  #sy = new Float32Array(0);
  onDrawn?: () => void;

  constructor(ix: PlanIndex, colours: string[]) {
    super();
    this.#ix = ix;
    this.#colours = colours;
    this.#x0 = new Float64Array(ix.n);
    this.#y0 = new Float64Array(ix.n);
    for (let i = 0; i < ix.n; i++) {
      const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(ix.lat[i], ix.lon[i]), 0);
      this.#x0[i] = p.x;
      this.#y0[i] = p.y;
    }
    this.#rows = new Uint32Array(0);
  }

  override onAdd(map: L.Map): this {
    this.#canvas = L.DomUtil.create('canvas', 'village-canvas') as HTMLCanvasElement;
    this.#canvas.setAttribute('aria-hidden', 'true');
    map.getPanes().overlayPane.appendChild(this.#canvas);
    map.on('moveend zoomend resize viewreset', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.redraw, this);
    this.#canvas.remove();
    return this;
  }

  setRows(rows: Uint32Array): void {
    this.#rows = rows;
    this.#kept = rows.length === this.#ix.n ? null : new Uint8Array(this.#ix.n);
    if (this.#kept) for (let j = 0; j < rows.length; j++) this.#kept[rows[j]] = 1;
    this.redraw();
  }

  setSelected(i: number): void {
    this.#selected = i;
    this.redraw();
  }

  redraw(): void {
    const map = this._map;
    if (!map || !this.#canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const c = this.#canvas;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    if (c.width !== size.x * ratio || c.height !== size.y * ratio) {
      c.width = size.x * ratio;
      c.height = size.y * ratio;
      c.style.width = `${size.x}px`;
      c.style.height = `${size.y}px`;
    }
    const ctx = c.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const origin = map.getPixelBounds().min!;
    const scale = 2 ** map.getZoom();
    const ix = this.#ix;
    const rows = this.#rows;
    const z = map.getZoom();
    const r = z >= 12 ? 4 : z >= 10 ? 3 : z >= 8 ? 2 : 1.5;
    // screen positions, then the dots grouped by colour (one fillStyle change per adviser)
    const sx = (this.#sx = new Float32Array(ix.n));
    const sy = (this.#sy = new Float32Array(ix.n));
    const grid = (this.#grid = new Map());
    const byColour = new Map<number, number[]>();
    const uncovered: number[] = [];
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      const x = this.#x0[i] * scale - origin.x;
      const y = this.#y0[i] * scale - origin.y;
      if (x < -5 || y < -5 || x > size.x + 5 || y > size.y + 5) continue;
      sx[i] = x;
      sy[i] = y;
      const key = Math.floor(x / 8) * 4096 + Math.floor(y / 8);
      const cell = grid.get(key);
      if (cell) cell.push(i);
      else grid.set(key, [i]);
      const l = ix.lawyer[i];
      if (l < 0) {
        uncovered.push(i);
        continue;
      }
      const g = byColour.get(l);
      if (g) g.push(i);
      else byColour.set(l, [i]);
    }
    const d = r * 2;
    if (this.#kept) {
      // the villages the filter leaves out, faint, so the selection keeps its surroundings
      ctx.fillStyle = '#c9c4b8';
      const kept = this.#kept;
      const q = Math.max(1, r - 0.5);
      for (let i = 0; i < ix.n; i++) {
        if (kept[i]) continue;
        const x = this.#x0[i] * scale - origin.x;
        const y = this.#y0[i] * scale - origin.y;
        if (x < -5 || y < -5 || x > size.x + 5 || y > size.y + 5) continue;
        ctx.fillRect(x - q, y - q, q * 2, q * 2);
      }
    }
    for (const [l, list] of byColour) {
      ctx.fillStyle = this.#colours[l];
      for (const i of list) ctx.fillRect(sx[i] - r, sy[i] - r, d, d);
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#111';
    ctx.fillStyle = '#fff';
    const u = r + 2;
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
    const s = this.#selected;
    if (s >= 0) {
      const x = this.#x0[s] * scale - origin.x;
      const y = this.#y0[s] * scale - origin.y;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#000';
      ctx.beginPath();
      ctx.arc(x, y, r + 6, 0, Math.PI * 2);
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
    this.onDrawn?.();
  }

  /** The drawn village nearest a container point, within 8 px; -1 when none. */
  hit(x: number, y: number): number {
    let best = -1;
    let bestD = 64;
    const cx = Math.floor(x / 8);
    const cy = Math.floor(y / 8);
    for (let gx = cx - 1; gx <= cx + 1; gx++)
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        const cell = this.#grid.get(gx * 4096 + gy);
        if (!cell) continue;
        for (const i of cell) {
          const d = (this.#sx[i] - x) ** 2 + (this.#sy[i] - y) ** 2;
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    return best;
  }
}
